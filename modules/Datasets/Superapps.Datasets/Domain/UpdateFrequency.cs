namespace Superapps.Datasets.Domain;

/// <summary>How often a dataset must be updated (the data list's "periode pemutakhiran").</summary>
public enum UpdateFrequency
{
    /// <summary>Bulanan: one period per calendar month.</summary>
    Monthly = 12,

    /// <summary>Triwulanan: January-March, April-June, July-September, October-December.</summary>
    Quarterly = 4,

    /// <summary>Semesteran: January-June and July-December.</summary>
    HalfYearly = 2,

    /// <summary>Tahunan: the calendar year.</summary>
    Yearly = 1,
}
