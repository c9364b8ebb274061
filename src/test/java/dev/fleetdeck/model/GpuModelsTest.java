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
}
