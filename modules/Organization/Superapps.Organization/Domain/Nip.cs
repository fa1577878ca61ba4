using System.Globalization;
using Superapps.SharedKernel;

namespace Superapps.Organization.Domain;

/// <summary>
/// Nomor Induk Pegawai: 18 digits. yyyyMMdd birth date, yyyyMM appointment (TMT CPNS),
/// sex (1 male, 2 female), and a three-digit sequence. Both dates must be real.
/// </summary>
public sealed record Nip
{
    private Nip(string value, DateOnly birthDate, DateOnly appointedMonth, Sex sex, int sequence)
    {
        Value = value;
        BirthDate = birthDate;
        AppointedMonth = appointedMonth;
        Sex = sex;
        Sequence = sequence;
    }

    public string Value { get; }

    public DateOnly BirthDate { get; }

    /// <summary>The first day of the month of appointment.</summary>
    public DateOnly AppointedMonth { get; }

    public Sex Sex { get; }

    public int Sequence { get; }

    public override string ToString() => Value;

    /// <summary>"19850315 201001 1 002", as NIPs are printed on letters.</summary>
    public string Formatted => $"{Value[..8]} {Value[8..14]} {Value[14]} {Value[15..]}";

    public static Nip Parse(string? input) =>
        TryParse(input, out var nip, out var error) ? nip! : throw new DomainRuleException(error!);

    public static bool TryParse(string? input, out Nip? nip, out UserError? error)
    {
        nip = null;
        var value = (input ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        if (value.Length != 18 || !value.All(char.IsAsciiDigit))
        {
            error = Errors.NipFormat;
            return false;
        }

        if (!DateOnly.TryParseExact(value[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            error = Errors.NipBirthDate;
            return false;
        }

        if (!int.TryParse(value[8..12], CultureInfo.InvariantCulture, out var year) ||
            !int.TryParse(value[12..14], CultureInfo.InvariantCulture, out var month) ||
            month is < 1 or > 12 || year < 1945)
        {
            error = Errors.NipAppointmentDate;
            return false;
        }

        var appointed = new DateOnly(year, month, 1);
        if (appointed <= birth.AddYears(17))
        {
            error = Errors.NipAppointmentBeforeAdulthood;
            return false;
        }

        var sex = value[14] switch
        {
            '1' => Sex.Male,
            '2' => Sex.Female,
            _ => (Sex?)null,
        };
        if (sex is null)
        {
            error = Errors.NipSex;
            return false;
        }

        var sequence = int.Parse(value[15..], CultureInfo.InvariantCulture);
        if (sequence == 0)
        {
            error = Errors.NipSequence;
            return false;
        }

        error = null;
        nip = new Nip(value, birth, appointed, sex.Value, sequence);
        return true;
    }

    /// <summary>Builds a NIP from its parts (for the demo city and tests).</summary>
    public static Nip Compose(DateOnly birthDate, DateOnly appointedMonth, Sex sex, int sequence) =>
        Parse(string.Create(CultureInfo.InvariantCulture, $"{birthDate:yyyyMMdd}{appointedMonth:yyyyMM}{(sex == Sex.Male ? 1 : 2)}{sequence:000}"));

    internal static class Errors
    {
        public static readonly UserError NipFormat = new("organization.nip.format",
            "NIP harus terdiri dari 18 digit angka.", "A NIP must be exactly 18 digits.", "nip");

        public static readonly UserError NipBirthDate = new("organization.nip.birth-date",
            "Delapan digit pertama NIP harus tanggal lahir yang valid (tahun, bulan, tanggal).",
            "The first eight digits of a NIP must be a real birth date (year, month, day).", "nip");

        public static readonly UserError NipAppointmentDate = new("organization.nip.appointment-date",
            "Digit ke-9 sampai ke-14 NIP harus tahun dan bulan pengangkatan yang valid.",
            "Digits 9 to 14 of a NIP must be a real year and month of appointment.", "nip");

        public static readonly UserError NipAppointmentBeforeAdulthood = new("organization.nip.appointment-age",
            "Tanggal pengangkatan pada NIP harus setelah pegawai berusia 18 tahun.",
            "The appointment date in a NIP must fall after the employee turned 18.", "nip");

        public static readonly UserError NipSex = new("organization.nip.sex",
            "Digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).",
            "Digit 15 of a NIP must be 1 (male) or 2 (female).", "nip");

        public static readonly UserError NipSequence = new("organization.nip.sequence",
            "Tiga digit terakhir NIP (nomor urut) tidak boleh 000.",
            "The last three digits of a NIP (sequence) cannot be 000.", "nip");
    }
}

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>Nomor Induk Kependudukan: the 16-digit national ID number.</summary>
public static class Nik
{
    public static readonly UserError Invalid = new("organization.nik.format",
        "NIK harus terdiri dari 16 digit angka.", "A NIK must be exactly 16 digits.", "nik");

    public static string? Normalize(string? input)
    {
        var value = input?.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return value.Length == 16 && value.All(char.IsAsciiDigit) && value.Any(c => c != '0') ? value : throw new DomainRuleException(Invalid);
    }
}
