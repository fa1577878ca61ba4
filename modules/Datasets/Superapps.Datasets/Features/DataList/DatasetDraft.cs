using Superapps.Datasets.Domain;
using Superapps.SharedKernel;

namespace Superapps.Datasets.Features.DataList;

/// <summary>
/// An entry of the data list as the walidata types it (the form or one import row). <see cref="Check"/> finds every problem at once,
/// each tagged with its field, so a form shows them in place and an import by column.
/// </summary>
/// <param name="FirstPeriod">The first period's key (<c>2026-01</c>, <c>2026-Q1</c>, <c>2026-S1</c>, <c>2026</c>); kept as it is on an edit.</param>
public sealed record DatasetDraft(
    string Code,
    string Title,
    string? Description,
    Guid ProducerAgencyId,
    IReadOnlyList<DatasetColumn> Columns,
    UpdateFrequency Frequency,
    int DueDay,
    string FirstPeriod,
    IReadOnlyList<string> Keywords,
    string? License)
{
    public const int MaxTitleLength = 300;

    public const int MaxDescriptionLength = 4000;

    public const int MaxLicenseLength = 100;

    public const int MaxKeywordLength = 60;

    /// <summary>The checked entry's parts; throws <see cref="DomainRuleException"/> with every problem (fields: code, title, description,
    /// producer, columns, frequency, dueDay, firstPeriod, keywords, license).</summary>
    public (DatasetSchema Schema, UpdateSchedule Schedule, ReportingPeriod FirstPeriod) Check(IReadOnlySet<Guid> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var errors = new List<UserError>();
        if (!DatasetCode.IsValid(Code))
        {
            errors.Add(DataListErrors.CodeFormat(DatasetCode.MaxLength));
        }

        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > MaxTitleLength)
        {
            errors.Add(DataListErrors.Title(MaxTitleLength));
        }

        if (Description?.Trim().Length > MaxDescriptionLength)
        {
            errors.Add(DataListErrors.Description(MaxDescriptionLength));
        }

        if (!agencies.Contains(ProducerAgencyId))
        {
            errors.Add(DataListErrors.Producer);
        }

        DatasetSchema? schema = null;
        try
        {
            schema = DatasetSchema.Create(Columns);
        }
        catch (DomainRuleException ex)
        {
            errors.AddRange(ex.Errors);
        }

        var frequencyKnown = Enum.IsDefined(Frequency);
        if (!frequencyKnown)
        {
            errors.Add(DataListErrors.Frequency);
        }

        if (DueDay is < 1 or > 31)
        {
            errors.Add(DataListErrors.DueDay);
        }

        var period = default(ReportingPeriod);
        if (frequencyKnown && !ReportingPeriod.TryParse(Frequency, FirstPeriod, out period))
        {
            errors.Add(DataListErrors.FirstPeriod(Frequency));
        }

        if (Keywords.Any(k => k.Trim().Length > MaxKeywordLength))
        {
            errors.Add(DataListErrors.Keyword(MaxKeywordLength));
        }

        if (License?.Trim().Length > MaxLicenseLength)
        {
            errors.Add(DataListErrors.License(MaxLicenseLength));
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        return (schema!, new UpdateSchedule(Frequency, DueDay), period);
    }
}

/// <summary>A dataset's code: a slug for links and the CKAN API, e.g. <c>jumlah-sekolah-per-kecamatan</c>.</summary>
public static class DatasetCode
{
    public const int MaxLength = 100;

    /// <summary>Lowercase ASCII letters and digits in runs joined by single hyphens, at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsValid(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > MaxLength || code[0] == '-' || code[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '-' ? code[i - 1] == '-' : !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
            {
                return false;
            }
        }

        return true;
    }
}
