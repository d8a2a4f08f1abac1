package org.ibex.biometrics;

/**
 * Where an image shows ridges: blocks of about 0.8 mm (16 pixels at 500 dpi) that have contrast and one
 * dominant orientation. Orientation coherence is what separates a ridge pattern from noise or a smudge:
 * both can have plenty of contrast, but their gradients point every way.
 */
record RidgeMeasure(double ridgeShare, double contrast) {
    /** Gray-level standard deviation below which a block is background (a blank platen is about 0 to 3). */
    static final double MIN_BLOCK_DEVIATION = 10;
    /** Gradient coherence of a ridge block; uniform noise gives about 0.1, clear ridges 0.5 to 0.9. */
    static final double MIN_COHERENCE = 0.3;

    static RidgeMeasure of(FingerImage image) {
        int block = Math.max(8, (int) Math.round(16 * image.dpi() / 500));
        int blocks = 0;
        int ridgeBlocks = 0;
        double deviationSum = 0;
        for (int by = 0; by + block <= image.height(); by += block) {
            for (int bx = 0; bx + block <= image.width(); bx += block) {
                blocks++;
                double deviation = deviation(image, bx, by, block);
                if (deviation >= MIN_BLOCK_DEVIATION && coherence(image, bx, by, block) >= MIN_COHERENCE) {
                    ridgeBlocks++;
                    deviationSum += deviation;
                }
            }
        }
        return new RidgeMeasure(blocks == 0 ? 0 : (double) ridgeBlocks / blocks,
                ridgeBlocks == 0 ? 0 : deviationSum / ridgeBlocks);
    }

    private static double deviation(FingerImage image, int x0, int y0, int size) {
        double sum = 0;
        double squares = 0;
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                int g = image.gray(x, y);
                sum += g;
                squares += g * g;
            }
        }
        double n = size * size;
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean));
    }

    /** Coherence of the gradient structure tensor: 1 for parallel ridges, near 0 for isotropic texture. */
    private static double coherence(FingerImage image, int x0, int y0, int size) {
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int y = Math.max(1, y0); y < Math.min(image.height() - 1, y0 + size); y++) {
            for (int x = Math.max(1, x0); x < Math.min(image.width() - 1, x0 + size); x++) {
                double gx = image.gray(x + 1, y) - image.gray(x - 1, y);
                double gy = image.gray(x, y + 1) - image.gray(x, y - 1);
                xx += gx * gx;
                yy += gy * gy;
                xy += gx * gy;
            }
        }
        double energy = xx + yy;
        return energy == 0 ? 0 : Math.sqrt((xx - yy) * (xx - yy) + 4 * xy * xy) / energy;
    }
}
