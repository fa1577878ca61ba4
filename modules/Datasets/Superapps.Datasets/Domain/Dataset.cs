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

    public DateTimeOffset CreatedAt { get; private set; }

    public DatasetSchema Schema => DatasetSchema.Create(Columns);

    public UpdateSchedule Schedule => new(Frequency, DueDay);

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
        };
    }
}
