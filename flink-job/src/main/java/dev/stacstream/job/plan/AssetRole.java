package dev.stacstream.job.plan;

/** What an asset is read for: a band to aggregate, or the mask (SCL, QA_PIXEL) that decides validity. */
public enum AssetRole {
    BAND,
    MASK
}
