package dev.stacstream.job.topology;

import dev.stacstream.job.aggregate.GridSpec;
import dev.stacstream.job.config.AggregateConfig;
import dev.stacstream.job.config.MaskConfig;
import dev.stacstream.job.config.Period;
import dev.stacstream.job.config.PipelineConfig;
import dev.stacstream.job.config.SclDilation;
import dev.stacstream.job.config.Statistic;
import dev.stacstream.job.mask.MaskRule;
import dev.stacstream.job.mask.SclDilationParams;
import dev.stacstream.job.operators.PeriodAssigner;
import dev.stacstream.job.operators.PeriodChunkAggregate.Stat;
import dev.stacstream.job.plan.PlanOptions;
import dev.stacstream.job.plan.WindowSelection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** Turns the validated pipeline file into the operators' settings (mask rule, grid, periods, statistics, plan). */
final class KernelSettings {

    private KernelSettings() {}

    /**
     * The mask rule: nodata only, SCL classes (or, when {@code mask.dilation.enabled}, the SCL dilation rule of
     * FORMATS.md section 6, which then decides with its own two class lists), or Landsat QA bits.
     */
    static MaskRule maskRule(MaskConfig mask) {
        if (mask instanceof MaskConfig.ClassMask c) {
            SclDilation d = c.dilation();
            if (d.enabled()) {
                return MaskRule.sclDilation(new SclDilationParams(new HashSet<>(d.mask1Values()),
                        new HashSet<>(d.mask2Values()), d.kernel1Size(), d.kernel2Size(), d.erosionKernelSize()));
            }
            return MaskRule.sclClasses(new HashSet<>(c.excludedClasses()));
        }
        if (mask instanceof MaskConfig.BitMask b) {
            return MaskRule.landsatQaBits(b.excludedBits().stream().mapToInt(Integer::intValue).toArray());
        }
        return MaskRule.none();
    }

    static GridSpec gridSpec(AggregateConfig aggregate) {
        var grid = aggregate.grid();
        if (grid instanceof dev.stacstream.job.config.GridSpec.ByFactor f) {
            return GridSpec.byFactor(f.factor());
        }
        if (grid instanceof dev.stacstream.job.config.GridSpec.ByResolution r) {
            return GridSpec.byResolution(r.cellSize());
        }
        var s = (dev.stacstream.job.config.GridSpec.BySize) grid;
        return GridSpec.bySize(s.columns(), s.rows());
    }

    static PeriodAssigner periods(Period period) {
        return switch (period) {
            case ITEM -> PeriodAssigner.ITEM;
            case DAY -> PeriodAssigner.DAY;
            case MONTH -> PeriodAssigner.MONTH;
        };
    }

    static Set<Stat> stats(Set<Statistic> statistics) {
        EnumSet<Stat> out = EnumSet.noneOf(Stat.class);
        for (Statistic s : statistics) {
            out.add(Stat.valueOf(s.name()));
        }
        return out;
    }

    static PlanOptions planOptions(PipelineConfig config, MaskRule rule, WindowSelection windows) {
        return new PlanOptions(config.assets().bands(), config.mask().maskAsset().orElse(null), config.assets().level(),
                rule.haloPixels(), config.assets().scaleOffset(), windows);
    }
}
