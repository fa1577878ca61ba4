using Superapps.AppCatalog.Contracts;

namespace Superapps.AppCatalog.Domain;

/// <summary>What the catalogue's form and import say about an app (everything but its retirement, which has its own command).</summary>
public sealed record AppDraft(
    string Slug,
    string Name,
    Guid OwnerAgencyId,
    string? Vendor = null,
    string? Url = null,
    string? Purpose = null,
    string? Users = null,
    int? UserCount = null,
    long YearlyCost = 0,
    string? Technology = null,
    string? Hosting = null,
    AppStatus Status = AppStatus.Active,
    TimeDecision Decision = TimeDecision.Tolerate,
    string? Reasons = null,
    bool IsPublic = false,
    IReadOnlyList<string>? Roles = null,
    IReadOnlyList<Guid>? AgencyIds = null,
    string? Upstream = null,
    IdentityMode Identity = IdentityMode.None,
    string HealthPath = CityApp.DefaultHealthPath,
    long MaxRequestBodyBytes = CityApp.DefaultMaxRequestBodyBytes,
    DateOnly? RetirementTarget = null)
{
    public AppAccess Access => new(IsPublic, Roles ?? [], AgencyIds ?? []);
}
