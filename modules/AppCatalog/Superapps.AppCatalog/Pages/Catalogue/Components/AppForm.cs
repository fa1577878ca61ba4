using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Domain;

namespace Superapps.AppCatalog.Pages.Catalogue.Components;

/// <summary>What the app dialog edits: the draft's fields as bindable properties.</summary>
public sealed class AppForm
{
    public string Name { get; set; } = string.Empty;
    public string? Vendor { get; set; }
    public string? Url { get; set; }
    public string? Purpose { get; set; }
    public string? Users { get; set; }
    public int? UserCount { get; set; }
    public long YearlyCost { get; set; }
    public string? Technology { get; set; }
    public string? Hosting { get; set; }
    public AppStatus Status { get; set; } = AppStatus.Active;
    public TimeDecision Decision { get; set; } = TimeDecision.Tolerate;
    public string? Reasons { get; set; }
    public bool IsPublic { get; set; }
    public IReadOnlyCollection<string> Roles { get; set; } = [];
    public IReadOnlyCollection<Guid> AgencyIds { get; set; } = [];
    public string? Upstream { get; set; }
    public IdentityMode Identity { get; set; } = IdentityMode.None;
    public string HealthPath { get; set; } = CityApp.DefaultHealthPath;
    public long MaxRequestBodyBytes { get; set; } = CityApp.DefaultMaxRequestBodyBytes;
    public DateTime? Target { get; set; }

    public static AppForm From(CityApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new()
        {
            Name = app.Name, Vendor = app.Vendor, Url = app.Url, Purpose = app.Purpose, Users = app.Users, UserCount = app.UserCount, YearlyCost = app.YearlyCost,
            Technology = app.Technology, Hosting = app.Hosting, Status = app.Status, Decision = app.Decision, Reasons = app.DecisionReasons, IsPublic = app.IsPublic,
            Roles = app.AccessRoles, AgencyIds = app.AccessAgencyIds, Upstream = app.Upstream, Identity = app.Identity, HealthPath = app.HealthPath,
            MaxRequestBodyBytes = app.MaxRequestBodyBytes, Target = app.RetirementTarget?.ToDateTime(TimeOnly.MinValue),
        };
    }

    public AppDraft ToDraft(string slug, Guid owner) => new(slug, Name, owner, Vendor, Url, Purpose, Users, UserCount, YearlyCost, Technology, Hosting, Status, Decision,
        Reasons, IsPublic, [.. Roles], [.. AgencyIds], Upstream, Identity, HealthPath, MaxRequestBodyBytes, Target is { } t ? DateOnly.FromDateTime(t) : null);
}
