using Superapps.SharedKernel;

namespace Superapps.Datasets.Domain;

/// <summary>
/// The coded reasons the walidata gives when returning an upload. The codes are stable (stored, shown to the OPD, usable in
/// reports); the labels are bilingual.
/// </summary>
public enum ReturnReason
{
    /// <summary>Data tidak lengkap: rows or areas are missing.</summary>
    Incomplete,

    /// <summary>Nilai tidak wajar: values that cannot be right (a jump, a negative count, totals that do not add up).</summary>
    Implausible,

    /// <summary>Periode tidak sesuai: the file holds another period's data.</summary>
    WrongPeriod,

    /// <summary>Sama dengan versi sebelumnya: nothing was updated.</summary>
    Unchanged,

    /// <summary>Penulisan tidak konsisten: names or codes written differently from the reference (kelurahan, school codes).</summary>
    Inconsistent,

    /// <summary>Lainnya: any other reason, explained in the note.</summary>
    Other,
}

public static class ReturnReasons
{
    /// <summary>The code stored and shown, e.g. <c>DATA-TIDAK-LENGKAP</c>.</summary>
    public static string Code(this ReturnReason reason) => reason switch
    {
        ReturnReason.Incomplete => "DATA-TIDAK-LENGKAP",
        ReturnReason.Implausible => "NILAI-TIDAK-WAJAR",
        ReturnReason.WrongPeriod => "PERIODE-SALAH",
        ReturnReason.Unchanged => "TIDAK-DIPERBARUI",
        ReturnReason.Inconsistent => "PENULISAN-TIDAK-KONSISTEN",
        ReturnReason.Other => "LAINNYA",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    public static string Label(this ReturnReason reason) => reason switch
    {
        ReturnReason.Incomplete => Bilingual.T("Data tidak lengkap", "Data incomplete"),
        ReturnReason.Implausible => Bilingual.T("Nilai tidak wajar", "Implausible values"),
        ReturnReason.WrongPeriod => Bilingual.T("Periode tidak sesuai", "Wrong period"),
        ReturnReason.Unchanged => Bilingual.T("Sama dengan versi sebelumnya", "Same as the previous version"),
        ReturnReason.Inconsistent => Bilingual.T("Penulisan nama atau kode tidak konsisten", "Names or codes written inconsistently"),
        ReturnReason.Other => Bilingual.T("Lainnya (lihat catatan)", "Other (see the note)"),
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    public static bool TryParse(string? code, out ReturnReason reason)
    {
        foreach (var candidate in Enum.GetValues<ReturnReason>())
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                reason = candidate;
                return true;
            }
        }

        reason = default;
        return false;
    }
}
