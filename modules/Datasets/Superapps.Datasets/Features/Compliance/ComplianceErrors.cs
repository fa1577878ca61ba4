using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.Compliance;

public static class ComplianceErrors
{
    public static readonly UserError Month = new("datasets.compliance.month",
        "Bulan tidak dikenali: tulis tahun dan bulan, misalnya 2026-11.", "The month is not recognised: write the year and month, for example 2026-11.", "bulan");
}
