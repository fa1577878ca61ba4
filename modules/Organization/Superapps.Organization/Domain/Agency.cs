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

    public string? Address { get; set; }

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

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
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
