using System.ComponentModel.DataAnnotations;

namespace Superapps.Datasets.Features.Reminders;

/// <summary>Settings of the reminders job (section <c>Superapps:Datasets:Reminders</c>).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Superapps:Datasets:Reminders";

    /// <summary>Remind the OPD this many days before a period's due date when nothing is uploaded yet. Default 3.</summary>
    [Range(1, 31)]
    public int DaysBefore { get; set; } = 3;

    /// <summary>The OPD's data people are the uploaders of the dataset's this many latest versions. Default 3.</summary>
    [Range(1, 50)]
    public int RecentVersions { get; set; } = 3;
}
