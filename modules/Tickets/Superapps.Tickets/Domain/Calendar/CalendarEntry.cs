using Superapps.SharedKernel;

namespace Superapps.Tickets.Domain.Calendar;

/// <summary>Why a day is off.</summary>
public enum CalendarEntryKind
{
    /// <summary>Hari libur nasional.</summary>
    PublicHoliday = 0,

    /// <summary>Cuti bersama (collective leave of civil servants).</summary>
    CollectiveLeave = 1,

    /// <summary>A day off the city decides (e.g. its anniversary, a regional election day).</summary>
    LocalDayOff = 2,
}

/// <summary>A run of days off on the SLA calendar, first and last day included. Entries never overlap (<see cref="EnsureNoOverlap"/>).</summary>
public sealed class CalendarEntry
{
    public const int MaxDays = 31;

    private CalendarEntry()
    {
    }

    public Guid Id { get; private set; }

    public CalendarEntryKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public DateOnly FirstDay { get; private set; }

    public DateOnly LastDay { get; private set; }

    /// <summary>True when the date still has to be checked against the year's SKB (e.g. a holiday following the lunar calendar
    /// listed before the government published the year's decree).</summary>
    public bool IsProvisional { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public static CalendarEntry Create(Guid id, CalendarEntryKind kind, string? name, DateOnly firstDay, DateOnly lastDay, bool isProvisional, string createdBy, DateTimeOffset now)
    {
        var errors = new List<UserError>();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            errors.Add(CalendarErrors.Name);
        }

        if (!Enum.IsDefined(kind))
        {
            errors.Add(CalendarErrors.Kind);
        }

        if (lastDay < firstDay || lastDay.DayNumber - firstDay.DayNumber >= MaxDays)
        {
            errors.Add(CalendarErrors.Range);
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        return new CalendarEntry
        {
            Id = id,
            Kind = kind,
            Name = name!,
            FirstDay = firstDay,
            LastDay = lastDay,
            IsProvisional = isProvisional,
            CreatedAt = now,
            CreatedBy = createdBy,
        };
    }

    public bool Overlaps(CalendarEntry other) => FirstDay <= other.LastDay && other.FirstDay <= LastDay;

    /// <summary>Refuses <paramref name="candidate"/> when it shares a day with an existing entry, naming the entry it collides with.</summary>
    public static void EnsureNoOverlap(IEnumerable<CalendarEntry> existing, CalendarEntry candidate)
    {
        var clashes = existing.Where(e => e.Id != candidate.Id && e.Overlaps(candidate)).OrderBy(e => e.FirstDay).ToList();
        if (clashes.Count > 0)
        {
            throw new DomainRuleException([.. clashes.Select(CalendarErrors.Overlap)]);
        }
    }
}

/// <summary>The SLA calendar's errors, in Indonesian and English.</summary>
public static class CalendarErrors
{
    public const string OverlapCode = "tickets.calendar.overlap";

    public static readonly UserError NotFound = new("tickets.calendar.not-found",
        "Entri kalender tidak ditemukan.", "Calendar entry not found.");

    public static readonly UserError Name = new("tickets.calendar.name",
        "Nama hari libur wajib diisi (paling banyak 200 karakter).", "The name of the day off is required (at most 200 characters).", "name");

    public static readonly UserError Kind = new("tickets.calendar.kind",
        "Pilih jenis: libur nasional, cuti bersama atau libur daerah.", "Choose a kind: public holiday, collective leave or local day off.", "kind");

    public static readonly UserError Range = new("tickets.calendar.range",
        $"Tanggal akhir tidak boleh sebelum tanggal awal, dan satu entri paling banyak {CalendarEntry.MaxDays} hari.",
        $"The last day cannot be before the first, and one entry covers at most {CalendarEntry.MaxDays} days.", "lastDay");

    public static UserError Overlap(CalendarEntry existing) => new(OverlapCode,
        $"Tanggal ini bertumpang tindih dengan \"{existing.Name}\" ({Wib.FormatDate(existing.FirstDay)} s.d. {Wib.FormatDate(existing.LastDay)}). Ubah atau hapus entri itu lebih dulu.",
        $"These dates overlap \"{existing.Name}\" ({Wib.FormatDate(existing.FirstDay, System.Globalization.CultureInfo.InvariantCulture)} to {Wib.FormatDate(existing.LastDay, System.Globalization.CultureInfo.InvariantCulture)}). Change or remove that entry first.",
        "firstDay");
}
