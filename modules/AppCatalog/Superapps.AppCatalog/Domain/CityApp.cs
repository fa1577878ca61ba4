using Superapps.AppCatalog.Contracts;
using Superapps.SharedKernel;

namespace Superapps.AppCatalog.Domain;

/// <summary>
/// One application of the city in the catalogue: who owns it, what it costs, what was decided about it (TIME), who may open it, how the
/// portal publishes it under <c>/apps/{slug}/</c>, and once retired where its old URLs lead. Its rules refuse with bilingual, field-tagged
/// <see cref="DomainRuleException"/>s, all of a draft's errors at once.
/// </summary>
public sealed class CityApp
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 2000;
    public const int MaxShortLength = 200;
    public const int MaxUrlLength = 500;
    public const string DefaultHealthPath = "/health";
    public const long DefaultMaxRequestBodyBytes = 10L * 1024 * 1024;

    private CityApp()
    {
    }

    public Guid Id { get; private set; }

    public string Slug { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public Guid OwnerAgencyId { get; private set; }

    /// <summary>The owner OPD's name when last saved (the Organization module owns the OPD).</summary>
    public string OwnerAgencyName { get; private set; } = string.Empty;

    public string? Vendor { get; private set; }

    /// <summary>The app's own address, for apps reached directly.</summary>
    public string? Url { get; private set; }

    public string? Purpose { get; private set; }

    /// <summary>Who uses it, in words (e.g. "Operator kepegawaian semua OPD").</summary>
    public string? Users { get; private set; }

    public int? UserCount { get; private set; }

    /// <summary>Estimated yearly cost in rupiah (licence, hosting, maintenance).</summary>
    public long YearlyCost { get; private set; }

    public string? Technology { get; private set; }

    public string? Hosting { get; private set; }

    public AppStatus Status { get; private set; }

    public TimeDecision Decision { get; private set; }

    public string? DecisionReasons { get; private set; }

    public bool IsPublic { get; private set; }

    public List<string> AccessRoles { get; private set; } = [];

    public List<Guid> AccessAgencyIds { get; private set; } = [];

    /// <summary>The legacy app's base URL, the proxy's destination.</summary>
    public string? Upstream { get; private set; }

    public IdentityMode Identity { get; private set; }

    public string HealthPath { get; private set; } = DefaultHealthPath;

    public long MaxRequestBodyBytes { get; private set; } = DefaultMaxRequestBodyBytes;

    /// <summary>The day it is planned to be switched off (a Retiring app's date).</summary>
    public DateOnly? RetirementTarget { get; private set; }

    /// <summary>The portal page that replaced it (e.g. <c>/surat</c>); null when its notice page is shown instead.</summary>
    public string? ReplacementPath { get; private set; }

    /// <summary>Where its data went (shown on the notice page).</summary>
    public string? RetirementNotice { get; private set; }

    /// <summary>Whom to ask (shown on the notice page).</summary>
    public string? RetirementContact { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency (PostgreSQL <c>xmin</c>).</summary>
    public uint Version { get; private set; }

    public AppAccess Access => new(IsPublic, AccessRoles, AccessAgencyIds);

    public AppRetirement? Retirement => Status == AppStatus.Retired ? new AppRetirement(ReplacementPath) : null;

    /// <summary>A new app. It cannot be created retired: it is retired through <see cref="Retire"/>.</summary>
    public static CityApp Create(AppDraft draft, string ownerAgencyName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = Check(draft, retired: false);
        if (!AppSlug.IsValid(draft.Slug))
        {
            errors.Insert(0, AppErrors.Slug);
        }

        Throw(errors);
        var app = new CityApp { Id = Guid.CreateVersion7(now), Slug = draft.Slug, CreatedAt = now };
        app.Apply(draft, ownerAgencyName, now);
        return app;
    }

    /// <summary>Changes everything but the slug (links and the usage history depend on it) and the retirement.</summary>
    public void Update(AppDraft draft, string ownerAgencyName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Throw(Check(draft, Status == AppStatus.Retired));
        Apply(draft, ownerAgencyName, now);
    }

    /// <summary>Switches the app off: its old URLs lead to <paramref name="replacementPath"/>, or to the notice page when null.</summary>
    public void Retire(string? replacementPath, string? notice, string? contact, DateTimeOffset now)
    {
        if (Status == AppStatus.Retired)
        {
            throw new DomainRuleException(AppErrors.AlreadyRetired);
        }

        replacementPath = Clean(replacementPath);
        notice = Clean(notice);
        contact = Clean(contact);
        var errors = new List<UserError>();
        if (replacementPath is null && notice is null)
        {
            errors.Add(AppErrors.RetirementNeeded);
        }
        else if (replacementPath is not null && !Domain.ReplacementPath.IsValid(replacementPath))
        {
            errors.Add(AppErrors.ReplacementPath);
        }

        if (notice?.Length > MaxTextLength)
        {
            errors.Add(AppErrors.Text("notice", "Pemberitahuan", "The notice", MaxTextLength));
        }

        if (contact?.Length > MaxShortLength)
        {
            errors.Add(AppErrors.Text("contact", "Kontak", "The contact", MaxShortLength));
        }

        Throw(errors);
        (Status, ReplacementPath, RetirementNotice, RetirementContact, RetiredAt, Upstream, UpdatedAt) =
            (AppStatus.Retired, replacementPath, notice, contact, now, null, now);
    }

    /// <summary>Brings a retired app back as an active app reached by its own URL; publishing it again is an edit.</summary>
    public void Unretire(DateTimeOffset now)
    {
        if (Status != AppStatus.Retired)
        {
            throw new DomainRuleException(AppErrors.NotRetired);
        }

        (Status, ReplacementPath, RetirementNotice, RetirementContact, RetiredAt, UpdatedAt) = (AppStatus.Active, null, null, null, null, now);
    }

    /// <summary>Every error of a draft (the slug aside), in field order.</summary>
    public static List<UserError> Check(AppDraft draft, bool retired)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<UserError>();
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Trim().Length > MaxNameLength)
        {
            errors.Add(AppErrors.Name);
        }

        if (draft.OwnerAgencyId == Guid.Empty)
        {
            errors.Add(AppErrors.Owner);
        }

        if (Clean(draft.Url) is { } url && !IsHttpUrl(url))
        {
            errors.Add(AppErrors.Url);
        }

        AddLength(errors, draft.Vendor, "vendor", "Vendor", "The vendor", MaxShortLength);
        AddLength(errors, draft.Purpose, "purpose", "Tujuan", "The purpose", MaxTextLength);
        AddLength(errors, draft.Users, "users", "Pengguna", "The users", MaxTextLength);
        AddLength(errors, draft.Technology, "technology", "Teknologi", "The technology", MaxShortLength);
        AddLength(errors, draft.Hosting, "hosting", "Hosting", "The hosting", MaxShortLength);
        if (draft.UserCount < 0)
        {
            errors.Add(AppErrors.UserCount);
        }

        if (draft.YearlyCost < 0)
        {
            errors.Add(AppErrors.Cost);
        }

        if (retired && draft.Status != AppStatus.Retired)
        {
            errors.Add(AppErrors.UseUnretire);
        }
        else if (!retired && draft.Status == AppStatus.Retired)
        {
            errors.Add(AppErrors.UseRetire);
        }

        var reasons = Clean(draft.Reasons);
        if ((draft.Decision is TimeDecision.Migrate or TimeDecision.Eliminate && reasons is null) || reasons?.Length > MaxTextLength)
        {
            errors.Add(AppErrors.Reasons);
        }

        var upstream = Clean(draft.Upstream);
        if (upstream is not null && !IsHttpUrl(upstream))
        {
            errors.Add(AppErrors.Upstream);
        }
        else if (upstream is not null && retired)
        {
            errors.Add(AppErrors.RetiredNotProxied);
        }
        else if (upstream is null && draft.Status == AppStatus.Proxied)
        {
            errors.Add(AppErrors.ProxiedNeedsUpstream);
        }

        if (draft.IsPublic && draft.Identity != IdentityMode.None)
        {
            errors.Add(AppErrors.PublicIdentity);
        }

        foreach (var role in (draft.Roles ?? []).Where(r => !Roles.All.Contains(r)))
        {
            errors.Add(AppErrors.Role(role));
        }

        if (draft.HealthPath is not { Length: > 0 } health || health[0] != '/' || health.StartsWith("//", StringComparison.Ordinal) || health.Any(char.IsWhiteSpace)
            || health.Length > MaxShortLength)
        {
            errors.Add(AppErrors.HealthPath);
        }

        if (draft.MaxRequestBodyBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            errors.Add(AppErrors.MaxBody);
        }

        return errors;
    }

    private void Apply(AppDraft draft, string ownerAgencyName, DateTimeOffset now)
    {
        Name = draft.Name.Trim();
        (OwnerAgencyId, OwnerAgencyName) = (draft.OwnerAgencyId, ownerAgencyName);
        (Vendor, Url, Purpose, Users, UserCount, YearlyCost) =
            (Clean(draft.Vendor), Clean(draft.Url), Clean(draft.Purpose), Clean(draft.Users), draft.UserCount, draft.YearlyCost);
        (Technology, Hosting, Status, Decision, DecisionReasons) = (Clean(draft.Technology), Clean(draft.Hosting), draft.Status, draft.Decision, Clean(draft.Reasons));
        (IsPublic, AccessRoles, AccessAgencyIds) = (draft.IsPublic, [.. (draft.Roles ?? []).Distinct()], [.. (draft.AgencyIds ?? []).Distinct()]);
        (Upstream, Identity, HealthPath, MaxRequestBodyBytes, RetirementTarget) =
            (Clean(draft.Upstream), draft.Identity, draft.HealthPath, draft.MaxRequestBodyBytes, draft.RetirementTarget);
        UpdatedAt = now;
    }

    private static void AddLength(List<UserError> errors, string? text, string field, string indonesian, string english, int maximum)
    {
        if (Clean(text)?.Length > maximum)
        {
            errors.Add(AppErrors.Text(field, indonesian, english, maximum));
        }
    }

    private static bool IsHttpUrl(string text) => text.Length <= MaxUrlLength && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Throw(List<UserError> errors)
    {
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }
    }
}
