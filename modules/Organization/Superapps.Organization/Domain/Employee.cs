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

    /// <summary>Pangkat, e.g. "Pembina Utama Muda"; printed under the name in signature blocks. Optional.</summary>
    public string? Rank { get; private set; }

    /// <summary>Golongan/ruang, e.g. "IV/c" (PNS) or "IX" (PPPK). Optional.</summary>
    public string? Grade { get; private set; }

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

    /// <summary>
    /// Sets pangkat and golongan; blanks clear them. A PNS golongan is normalised to "IV/c"; when only the golongan is given,
    /// the pangkat that goes with it is filled in.
    /// </summary>
    public void SetRank(string? rank, string? grade)
    {
        var errors = new List<UserError>();
        rank = string.IsNullOrWhiteSpace(rank) ? null : string.Join(' ', rank.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        string? normalised = null;
        if (!string.IsNullOrWhiteSpace(grade) && !CivilServiceGrades.TryNormalize(grade, out normalised))
        {
            errors.Add(OrganizationErrors.EmployeeGrade);
        }

        if (rank is { Length: > 60 })
        {
            errors.Add(OrganizationErrors.EmployeeRank);
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        Grade = normalised;
        Rank = rank ?? CivilServiceGrades.RankOf(normalised);
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
