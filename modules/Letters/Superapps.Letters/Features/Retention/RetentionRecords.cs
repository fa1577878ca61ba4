using Superapps.Letters.Features.Archive;

namespace Superapps.Letters.Features.Retention;

/// <summary>
/// One line of the retention schedule (jadwal retensi arsip, JRA) for a classification code. A code without a line of its own
/// inherits the nearest parent code's line ("000.1.2.3" → "000.1.2" → "000.1" → "000").
/// </summary>
public sealed class RetentionSchedule
{
    public string Code { get; set; } = string.Empty;

    public int ActiveYears { get; set; }

    public int InactiveYears { get; set; }

    public RetentionFate Fate { get; set; }

    /// <summary>Where the line comes from, e.g. "Contoh bawaan; ganti dengan JRA kota".</summary>
    public string? Note { get; set; }
}

/// <summary>What a retention decision does to the entries it names.</summary>
public enum RetentionDecisionKind
{
    /// <summary>Pindah ke unit kearsipan: the active period ended.</summary>
    Transfer = 0,

    /// <summary>Musnah: the inactive period ended with fate Musnah (or after a new appraisal).</summary>
    Destroy = 1,

    /// <summary>Serahkan ke Lembaga Kearsipan Daerah: the inactive period ended with fate Permanen (or after a new appraisal).</summary>
    HandOver = 2,
}

/// <summary>A recorded retention decision (<c>letters.retention_decisions</c>) with its berita acara; append-only.</summary>
public sealed class RetentionDecision
{
    public Guid Id { get; set; }

    public Guid AgencyId { get; set; }

    public RetentionDecisionKind Kind { get; set; }

    public Guid[] EntryIds { get; set; } = [];

    /// <summary>Nomor berita acara (of transfer, destruction or hand-over).</summary>
    public string BeritaAcaraNumber { get; set; } = string.Empty;

    public DateOnly DecidedOn { get; set; }

    public string? Reason { get; set; }

    public Guid DecidedByEmployeeId { get; set; }

    public string DecidedByName { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }
}
