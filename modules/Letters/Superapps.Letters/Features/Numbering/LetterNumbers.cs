using System.Globalization;
using System.Text;
using Superapps.SharedKernel;
using Superapps.Letters.Domain.Drafting;

namespace Superapps.Letters.Features.Numbering;

public enum LetterNumberStatus
{
    /// <summary>Taken when the letter went to its signer.</summary>
    Reserved = 0,

    /// <summary>Printed on a signed letter.</summary>
    Used = 1,

    /// <summary>Nomor batal: the letter was returned by its signer or abandoned; the number is never given again.</summary>
    Void = 2,
}

/// <summary>One line of an OPD's register of outgoing letter numbers (buku register surat keluar). Every sequence of a year appears once.</summary>
public sealed class LetterNumber
{
    private LetterNumber()
    {
    }

    internal LetterNumber(Guid agencyId, int year, int sequence, string number, Guid outgoingLetterId, Guid byEmployeeId, string byName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        AgencyId = agencyId;
        Year = year;
        Sequence = sequence;
        Number = number;
        OutgoingLetterId = outgoingLetterId;
        Status = LetterNumberStatus.Reserved;
        ReservedByEmployeeId = byEmployeeId;
        ReservedByName = byName;
        ReservedAt = at;
        ChangedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public Guid OutgoingLetterId { get; private set; }

    public LetterNumberStatus Status { get; private set; }

    /// <summary>Why it is void.</summary>
    public string? Reason { get; private set; }

    public Guid ReservedByEmployeeId { get; private set; }

    public string ReservedByName { get; private set; } = string.Empty;

    public DateTimeOffset ReservedAt { get; private set; }

    /// <summary>Who used or voided it.</summary>
    public string? ChangedByName { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    internal void Use(string byName, DateTimeOffset at)
    {
        Status = Status == LetterNumberStatus.Reserved ? LetterNumberStatus.Used : throw new DomainRuleException(DraftingErrors.WrongState);
        ChangedByName = byName;
        ChangedAt = at;
    }

    internal void MakeVoid(string reason, string byName, DateTimeOffset at)
    {
        Status = Status == LetterNumberStatus.Reserved ? LetterNumberStatus.Void : throw new DomainRuleException(DraftingErrors.WrongState);
        Reason = reason.Length > 500 ? reason[..500] : reason;
        ChangedByName = byName;
        ChangedAt = at;
    }
}

/// <summary>An OPD's number format and unit code, and its letterhead's address line (letters.numbering_formats), set by its administrator.</summary>
public sealed class NumberingFormat
{
    private NumberingFormat()
    {
    }

    public NumberingFormat(Guid agencyId, string template, string unitCode, string? address, string? contact, string updatedBy, DateTimeOffset now)
    {
        AgencyId = agencyId;
        Change(template, unitCode, address, contact, updatedBy, now);
    }

    public Guid AgencyId { get; private set; }

    public string Template { get; private set; } = LetterNumberFormat.DefaultTemplate;

    public string UnitCode { get; private set; } = string.Empty;

    /// <summary>The letterhead's address line, e.g. "Jalan Jenderal Sudirman No. 1, Kode Pos 36111".</summary>
    public string? Address { get; private set; }

    /// <summary>The letterhead's contact line (telephone, e-mail, website).</summary>
    public string? Contact { get; private set; }

    public string UpdatedBy { get; private set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Change(string template, string unitCode, string? address, string? contact, string updatedBy, DateTimeOffset now)
    {
        address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        if (address is { Length: > 300 } || contact is { Length: > 300 })
        {
            throw new DomainRuleException(DraftingErrors.NumberingTemplate);
        }

        template = (template ?? string.Empty).Trim();
        unitCode = (unitCode ?? string.Empty).Trim();
        if (!LetterNumberFormat.IsValid(template, unitCode))
        {
            throw new DomainRuleException(DraftingErrors.NumberingTemplate);
        }

        Template = template;
        UnitCode = unitCode;
        Address = address;
        Contact = contact;
        UpdatedBy = updatedBy;
        UpdatedAt = now;
    }
}

/// <summary>Formats letter numbers from an OPD's template: <c>{klasifikasi}/{nomor}/{unit}/{tahun}</c> gives <c>000.1.2/17/DISKOMINFO/2026</c>.</summary>
public static class LetterNumberFormat
{
    public const string DefaultTemplate = "{klasifikasi}/{nomor}/{unit}/{tahun}";

    public static bool IsValid(string template, string unitCode) =>
        template.Length is > 0 and <= 100 && template.Contains("{nomor}", StringComparison.Ordinal)
        && unitCode.Length is > 0 and <= 30 && !unitCode.Contains('/', StringComparison.Ordinal) && !unitCode.Any(char.IsWhiteSpace);

    public static string Format(string template, string classificationCode, int sequence, string unitCode, int year) =>
        new StringBuilder(template)
            .Replace("{klasifikasi}", classificationCode)
            .Replace("{nomor}", sequence.ToString(CultureInfo.InvariantCulture))
            .Replace("{unit}", unitCode)
            .Replace("{tahun}", year.ToString(CultureInfo.InvariantCulture))
            .ToString();

    /// <summary>
    /// The unit code of an OPD without a configured one: the OPD's code in the organisation directory (e.g. <c>DISKOMINFO</c>), or,
    /// when the directory has no usable code, the initials of its name ("Dinas Komunikasi dan Informatika" gives "DKI").
    /// </summary>
    public static string DefaultUnitCode(string? agencyCode, string agencyName)
    {
        var code = agencyCode?.Trim();
        if (!string.IsNullOrEmpty(code) && IsValid(DefaultTemplate, code))
        {
            return code;
        }

        var initials = string.Concat((agencyName ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => !string.Equals(w, "dan", StringComparison.OrdinalIgnoreCase) && char.IsLetter(w[0]))
            .Select(w => char.ToUpperInvariant(w[0])));
        return initials.Length == 0 ? "OPD" : initials[..Math.Min(initials.Length, 30)];
    }
}
