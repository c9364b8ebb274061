package dev.fleetdeck.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every cloud's name for a GPU maps to one model key. */
class GpuModelsTest {
    @ParameterizedTest(name = "{0} ({1}) → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            H100 (80 GB SXM5)          | Lambda gpu_description  | H100
            gpu_8x_h100_sxm5           | Lambda instance type     | H100
            NVIDIA H100 80GB HBM3      | nvidia-smi, RunPod id    | H100
            H100 SXM5 80GB             | marketing                | H100
            H100 NVL                   | Vast gpu_name            | H100NVL
            H100_SXM                   | Together gpu_type        | H100
            NVIDIA-H100-80GB-HBM3      | Lepton gpu product       | H100
            H200 SXM 141GB             | inventory                | H200
            NVIDIA H200                | RunPod id                | H200
            B200 (180 GB SXM6)         | Lambda                   | B200
            B200_SXM                   | Together                 | B200
            GH200 (96 GB)              | Lambda                   | GH200
            A100 SXM4                  | Vast                     | A100
            NVIDIA A100-SXM4-80GB      | nvidia-smi               | A100
            A6000 (48 GB)              | Lambda                   | RTXA6000
            NVIDIA RTX A6000           | RunPod                   | RTXA6000
            RTX 4090                   | Vast                     | RTX4090
            NVIDIA GeForce RTX 4090    | RunPod                   | RTX4090
            Tesla V100 (16 GB)         | Lambda                   | V100
            L40S                       | inventory                | L40S
            NVIDIA L4                  | nvidia-smi               | L4
            AMD Instinct MI300X OAM    | RunPod                   | MI300X
            Quantum Flux 9000          | unknown                  | QUANTUMFLUX9000
            """)
    void oneKeyPerModel(String name, String where, String key) {
        assertEquals(key, GpuModels.normalize(name), where);
    }

    /**
     * A suffix that names another product keeps its identity (prices and capacity differ), and a vGPU slice is not
     * counted as a whole GPU. Names from the real corpus (nvidia-smi XML and CSV, dcgm-exporter, Kubernetes GPU
     * feature discovery) and the shapes that GPU-cloud instance catalogues use.
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NVIDIA GeForce RTX 3090 Ti               | RTX3090TI
            NVIDIA GeForce RTX 3090                  | RTX3090
            NVIDIA GeForce RTX 4080 SUPER            | RTX4080SUPER
            NVIDIA GeForce RTX 4070 Ti SUPER         | RTX4070TISUPER
            NVIDIA GeForce RTX 2080 SUPER            | RTX2080SUPER
            GeForce GTX 1070 Ti                      | GTX1070TI
            NVIDIA H100 NVL                          | H100NVL
            NVIDIA H200 NVL                          | H200NVL
            NVIDIA H100 PCIe                         | H100PCIE
            gpu_1x_h100_pcie                         | H100PCIE
            gpu_8x_h100_sxm5                         | H100
            NVIDIA A100-PCIE-40GB                    | A100PCIE
            NVIDIA A100 80GB PCIe                    | A100PCIE
            NVIDIA A100-SXM4-40GB                    | A100
            Tesla V100-PCIE-16GB                     | V100PCIE
            Tesla V100-SXM2-16GB                     | V100
            NVIDIA RTX 5000 Ada Generation Laptop GPU with Max-Q | RTX5000ADAGENERATIONLAPTOPGPUWITHMAXQ
            NVIDIA RTX PRO 6000 Blackwell Max-Q Workstation Edition | RTXPRO6000MAXQ
            NVIDIA RTX PRO 6000 Blackwell Server Edition | RTXPRO6000
            NVIDIA H100-20C                          | H100-20C
            NVIDIA H100XM-40C                        | H100-40C
            GRID A100X-40C                           | A100-40C
            NVIDIA A16-4Q                            | A16-4Q
            NVIDIA-A16-4Q                            | A16-4Q
            GRID P4-1Q                               | P4-1Q
            NVIDIA GB200 NVL72                       | GB200
            NVIDIA B200                              | B200
            NVIDIA A10G                              | A10G
            Tesla T4                                 | T4
            NVIDIA L40S                              | L40S
            NVIDIA RTX 4000 SFF Ada Generation       | RTX4000ADA
            Quadro P2000                             | P2000
            NVIDIA GeForce GT 1030                   | GT1030
            """)
    void productSuffixesKeepTheirIdentity(String name, String key) {
        assertEquals(key, GpuModels.normalize(name));
    }

    @ParameterizedTest(name = "{0} is in the {1} family")
    @CsvSource(delimiter = '|', textBlock = """
            H100NVL    | H100
            H100PCIE   | H100
            H100-20C   | H100
            RTX3090TI  | RTX3090
            H100       | H100
            """)
    void everyVariantKnowsItsFamilyForLimits(String key, String family) {
        assertEquals(family, GpuModels.family(key));
        assertEquals(TemperatureLimits.of(family), TemperatureLimits.of(key));
    }
}
