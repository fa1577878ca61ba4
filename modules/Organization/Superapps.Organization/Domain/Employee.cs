using System.Net.Mail;
using Superapps.SharedKernel;

namespace Superapps.Organization.Domain;

/// <summary>A civil servant (ASN), identified by NIP.</summary>
public sealed class Employee
{
    private Employee()
    {
    }

    /// <param name="nip">Null only for officials who are not civil servants (the elected Walikota and Wakil Walikota).</param>
    public Employee(Guid id, Nip? nip, string name, Guid agencyId)
    {
        Id = id;
        Nip = nip?.Value;
        AgencyId = agencyId;
        Rename(name);
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>The NIP; null for elected officials, who sign in with their e-mail address.</summary>
    public string? Nip { get; private set; }

    public string? Nik { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Email { get; private set; }

    public string? Phone { get; set; }

    /// <summary>The OPD the employee belongs to.</summary>
    public Guid AgencyId { get; private set; }

    /// <summary>The definitive position, if any.</summary>
    public Guid? PositionId { get; private set; }

    public bool IsActive { get; private set; }

    public uint Version { get; private set; }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length < 2 || name.Length > 150)
        {
            throw new DomainRuleException(OrganizationErrors.EmployeeName);
        }

        Name = name.Trim();
    }

    public void ChangeNip(Nip nip) => Nip = nip.Value;

    public void SetNik(string? nik) => Nik = Domain.Nik.Normalize(nik);

    public void SetEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            Email = null;
            return;
        }

        if (!MailAddress.TryCreate(email.Trim(), out var address) || address.Address != email.Trim())
        {
            throw new DomainRuleException(OrganizationErrors.EmployeeEmail);
        }

        Email = address.Address.ToLowerInvariant();
    }

    public void MoveToAgency(Guid agencyId) => AgencyId = agencyId;

    /// <summary>Assigns the definitive position, after the caller checked it is vacant.</summary>
    internal void AssignPosition(Guid? positionId) => PositionId = positionId;

    public void Deactivate()
    {
        IsActive = false;
        PositionId = null;
    }

    public void Activate() => IsActive = true;
}
