using System.Net.Mail;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.Organization.Domain;

/// <summary>An OPD (perangkat daerah), a kecamatan or a kelurahan.</summary>
public sealed class Agency
{
    private Agency()
    {
    }

    public Agency(Guid id, string code, string name, string shortName, AgencyKind kind, Guid? parentId)
    {
        Id = id;
        Update(code, name, shortName, kind, parentId);
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>A short unique code, e.g. <c>DISKOMINFO</c>; also the unit code in letter numbers.</summary>
    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string ShortName { get; private set; } = string.Empty;

    public AgencyKind Kind { get; private set; }

    /// <summary>A kelurahan's kecamatan; null for the others.</summary>
    public Guid? ParentId { get; private set; }

    /// <summary>The street address printed on the letterhead, without the postal code.</summary>
    public string? Address { get; private set; }

    /// <summary>Kode pos: five digits.</summary>
    public string? PostalCode { get; private set; }

    /// <summary>Telepon as printed, e.g. "(0741) 555-0101".</summary>
    public string? Telephone { get; private set; }

    /// <summary>Faksimile, if any.</summary>
    public string? Fax { get; private set; }

    /// <summary>The office's e-mail address (pos-el).</summary>
    public string? Email { get; private set; }

    /// <summary>The office's website (laman), as printed.</summary>
    public string? Website { get; private set; }

    public bool IsActive { get; private set; }

    public uint Version { get; private set; }

    public void Update(string code, string name, string shortName, AgencyKind kind, Guid? parentId)
    {
        var errors = new List<UserError>();
        code = (code ?? string.Empty).Trim().ToUpperInvariant();
        if (code.Length is < 2 or > 30 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add(OrganizationErrors.AgencyCode);
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            errors.Add(OrganizationErrors.AgencyName);
        }

        if (kind == AgencyKind.Kelurahan && parentId is null)
        {
            errors.Add(OrganizationErrors.KelurahanNeedsKecamatan);
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        Code = code;
        Name = name.Trim();
        ShortName = string.IsNullOrWhiteSpace(shortName) ? Name : shortName.Trim();
        Kind = kind;
        ParentId = parentId;
    }

    /// <summary>
    /// Sets the facts printed on the letterhead (kop surat). Blank values clear them; each value is checked and every error is
    /// reported at once, field-tagged.
    /// </summary>
    public void SetLetterhead(AgencyLetterhead letterhead)
    {
        var (clean, errors) = Check(letterhead);
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        (Address, PostalCode, Telephone, Fax, Email, Website) = clean;
    }

    /// <summary>The letterhead trimmed (blanks as null, e-mail lower-cased) and what is wrong with it, field-tagged.</summary>
    public static (AgencyLetterhead Clean, IReadOnlyList<UserError> Errors) Check(AgencyLetterhead letterhead)
    {
        ArgumentNullException.ThrowIfNull(letterhead);
        var errors = new List<UserError>();
        var clean = new AgencyLetterhead(Clean(letterhead.Address), Clean(letterhead.PostalCode), Clean(letterhead.Telephone), Clean(letterhead.Fax),
            Clean(letterhead.Email)?.ToLowerInvariant(), Clean(letterhead.Website));
        if (clean.Address is { Length: > 300 })
        {
            errors.Add(OrganizationErrors.AgencyAddress);
        }

        if (clean.PostalCode is { } postalCode && (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit)))
        {
            errors.Add(OrganizationErrors.AgencyPostalCode);
        }

        if (clean.Telephone is { } telephone && !IsPhone(telephone))
        {
            errors.Add(OrganizationErrors.AgencyTelephone);
        }

        if (clean.Fax is { } fax && !IsPhone(fax))
        {
            errors.Add(OrganizationErrors.AgencyFax);
        }

        if (clean.Email is { } email && (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            errors.Add(OrganizationErrors.AgencyEmail);
        }

        if (clean.Website is { } website && (website.Length > 200 || website.Any(char.IsWhiteSpace)))
        {
            errors.Add(OrganizationErrors.AgencyWebsite);
        }

        return (clean, errors);
    }

    public AgencyLetterhead Letterhead => new(Address, PostalCode, Telephone, Fax, Email, Website);

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsPhone(string value) =>
        value.Length <= 50 && value.Any(char.IsAsciiDigit) && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '(' or ')' or '-' or '+' or '.');
}

/// <summary>What an OPD's letterhead prints under its name: address, postal code and contacts; every part optional.</summary>
public sealed record AgencyLetterhead(string? Address, string? PostalCode, string? Telephone, string? Fax, string? Email, string? Website)
{
    public static readonly AgencyLetterhead Empty = new(null, null, null, null, null, null);
}

/// <summary>A unit inside an OPD: sekretariat, bidang, bagian, seksi, subbagian.</summary>
public sealed class OrganizationUnit
{
    private OrganizationUnit()
    {
    }

    public OrganizationUnit(Guid id, Guid agencyId, string code, string name, Guid? parentId)
    {
        Id = id;
        AgencyId = agencyId;
        Rename(code, name);
        ParentId = parentId;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public Guid? ParentId { get; private set; }

    public bool IsActive { get; private set; }

    public void Rename(string code, string name)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(code))
        {
            throw new DomainRuleException(OrganizationErrors.UnitName);
        }

        Code = code.Trim().ToUpperInvariant();
        Name = name.Trim();
    }

    public void Deactivate() => IsActive = false;
}
