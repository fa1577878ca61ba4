namespace Superapps.Datasets.Domain;

/// <summary>One entry of the data list (daftar data): a dataset, the OPD that produces it, its columns and its update schedule.</summary>
public sealed class Dataset
{
    private Dataset()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>A short unique name for links and the CKAN API, e.g. <c>jumlah-penduduk-per-kelurahan</c>.</summary>
    public string Code { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    /// <summary>The producing OPD (produsen data).</summary>
    public Guid ProducerAgencyId { get; private set; }

    /// <summary>The columns, stored as JSON; read through <see cref="Schema"/>.</summary>
    public List<DatasetColumn> Columns { get; private set; } = [];

    public UpdateFrequency Frequency { get; private set; }

    public int DueDay { get; private set; }

    /// <summary>The first period the dataset is required for (its key, e.g. <c>2026-01</c>).</summary>
    public string FirstPeriod { get; private set; } = string.Empty;

    public bool IsActive { get; private set; } = true;

    /// <summary>Search words for the open-data site, CKAN tags and DCAT keywords.</summary>
    public List<string> Keywords { get; private set; } = [];

    /// <summary>The licence the data is published under, as an SPDX-like id (CKAN <c>license_id</c>).</summary>
    public string License { get; private set; } = DefaultLicense;

    public DateTimeOffset UpdatedAt { get; private set; }

    public const string DefaultLicense = "CC-BY-4.0";

    public const int MaxKeywords = 20;

    public DateTimeOffset CreatedAt { get; private set; }

    public DatasetSchema Schema => DatasetSchema.Create(Columns);

    public UpdateSchedule Schedule => new(Frequency, DueDay);

    /// <summary>The first period the dataset is required for.</summary>
    public ReportingPeriod Since => ReportingPeriod.Parse(Frequency, FirstPeriod);

    public static Dataset Create(string code, string title, string? description, Guid producerAgencyId, DatasetSchema schema, UpdateSchedule schedule,
        ReportingPeriod firstPeriod, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(schedule);
        if (firstPeriod.Frequency != schedule.Frequency)
        {
            throw new ArgumentException("The first period is of another frequency.", nameof(firstPeriod));
        }

        return new Dataset
        {
            Id = Guid.CreateVersion7(now),
            Code = code.Trim(),
            Title = title.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            ProducerAgencyId = producerAgencyId,
            Columns = [.. schema.Columns],
            Frequency = schedule.Frequency,
            DueDay = schedule.DueDay,
            FirstPeriod = firstPeriod.Key,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Changes the entry. Versions already uploaded keep the columns they were uploaded with.</summary>
    public void Update(string title, string? description, Guid producerAgencyId, DatasetSchema schema, UpdateSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(schedule);
        Title = title.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        ProducerAgencyId = producerAgencyId;
        Columns = [.. schema.Columns];
        if (schedule.Frequency != Frequency)
        {
            // The first period is kept as the same day in the new frequency's terms.
            FirstPeriod = ReportingPeriod.Containing(schedule.Frequency, Since.Start).Key;
        }

        Frequency = schedule.Frequency;
        DueDay = schedule.DueDay;
        UpdatedAt = now;
    }

    /// <summary>Sets the search words (trimmed, distinct, empty ones dropped) and the licence.</summary>
    public void Describe(IEnumerable<string> keywords, string? license, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        Keywords = [.. keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxKeywords)];
        License = string.IsNullOrWhiteSpace(license) ? DefaultLicense : license.Trim();
        UpdatedAt = now;
    }

    /// <summary>A dataset no longer required: it stays public with its history but is no longer due.</summary>
    public void Deactivate(DateTimeOffset now) => (IsActive, UpdatedAt) = (false, now);

    public void Activate(DateTimeOffset now) => (IsActive, UpdatedAt) = (true, now);
}
