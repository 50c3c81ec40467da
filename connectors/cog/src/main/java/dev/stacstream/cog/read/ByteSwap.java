package dev.stacstream.cog.read;

/** In-place byte-order reversal of fixed-size samples. */
final class ByteSwap {

    private ByteSwap() {}

    static void toLittleEndian(byte[] data, int length, int sampleBytes) {
        switch (sampleBytes) {
            case 1 -> { }
            case 2 -> {
                for (int i = 0; i + 1 < length; i += 2) {
                    byte t = data[i];
                    data[i] = data[i + 1];
                    data[i + 1] = t;
                }
            }
            default -> {
                for (int i = 0; i + sampleBytes <= length; i += sampleBytes) {
                    for (int a = i, b = i + sampleBytes - 1; a < b; a++, b--) {
                        byte t = data[a];
                        data[a] = data[b];
                        data[b] = t;
                    }
                }
            }
        }
    }
}
