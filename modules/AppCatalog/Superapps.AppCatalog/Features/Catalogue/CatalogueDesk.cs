using Microsoft.EntityFrameworkCore;
using Npgsql;
using Superapps.AppCatalog.Data;
using Superapps.AppCatalog.Domain;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;

namespace Superapps.AppCatalog.Features.Catalogue;

/// <summary>
/// Diskominfo's commands on the catalogue: add and edit an app, retire it and undo that, remove it. Every refusal is a bilingual
/// <see cref="DomainRuleException"/> tagged with its field and nothing is saved then; every change is audited. Edits carry the version the
/// user read: a change saved meanwhile by someone else is refused (<see cref="AppErrors.ChangedMeanwhile"/>), never overwritten.
/// </summary>
public sealed class CatalogueDesk(IDbContextFactory<AppCatalogDbContext> contexts, IOrganizationDirectory directory, IAuditTrail audit, TimeProvider clock)
{
    public async Task<CityApp> CreateAsync(AppDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var owner = await CheckAgenciesAsync(draft, cancellationToken);
        var app = CityApp.Create(draft with { Slug = draft.Slug.Trim() }, owner, clock.GetUtcNow());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Apps.AnyAsync(a => a.Slug == app.Slug, cancellationToken))
        {
            throw new DomainRuleException(AppErrors.SlugTaken(app.Slug));
        }

        db.Apps.Add(app);
        await SaveAsync(db, app.Slug, cancellationToken);
        await AuditAsync("app.created", app, $"Aplikasi {app.Slug} ditambahkan: {app.Name}", cancellationToken);
        return app;
    }

    /// <summary>Edits an app read at <paramref name="expectedVersion"/>. Its slug stays.</summary>
    public async Task<CityApp> UpdateAsync(Guid appId, uint expectedVersion, AppDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var owner = await CheckAgenciesAsync(draft, cancellationToken);
        return await ChangeAsync(appId, expectedVersion, "app.updated", (app, now) => app.Update(draft, owner, now),
            app => $"Aplikasi {app.Slug} diubah: {app.Name}", cancellationToken);
    }

    /// <summary>Retires an app: its old URLs lead to <paramref name="replacementPath"/> or to its notice page.</summary>
    public Task<CityApp> RetireAsync(Guid appId, uint expectedVersion, string? replacementPath, string? notice, string? contact, CancellationToken cancellationToken = default) =>
        ChangeAsync(appId, expectedVersion, "app.retired", (app, now) => app.Retire(replacementPath, notice, contact, now),
            app => $"Aplikasi {app.Slug} dipensiunkan" + (app.ReplacementPath is { } path ? $", diganti {path}" : ", dengan pemberitahuan"), cancellationToken);

    public Task<CityApp> UnretireAsync(Guid appId, uint expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(appId, expectedVersion, "app.unretired", (app, now) => app.Unretire(now), app => $"Pensiun aplikasi {app.Slug} dibatalkan", cancellationToken);

    /// <summary>Removes an app entered by mistake (its usage history goes with it).</summary>
    public async Task DeleteAsync(Guid appId, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var app = await db.Apps.SingleOrDefaultAsync(a => a.Id == appId, cancellationToken) ?? throw new DomainRuleException(AppErrors.NotFound);
        if (app.Version != expectedVersion)
        {
            throw new DomainRuleException(AppErrors.ChangedMeanwhile);
        }

        db.Apps.Remove(app);
        await db.UsageDays.Where(u => u.AppId == appId).ExecuteDeleteAsync(cancellationToken);
        await db.UsageUsers.Where(u => u.AppId == appId).ExecuteDeleteAsync(cancellationToken);
        await db.Health.Where(h => h.AppId == appId).ExecuteDeleteAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(AppErrors.ChangedMeanwhile);
        }

        await AuditAsync("app.deleted", app, $"Aplikasi {app.Slug} dihapus dari katalog", cancellationToken);
    }

    private async Task<CityApp> ChangeAsync(Guid appId, uint expectedVersion, string action, Action<CityApp, DateTimeOffset> change, Func<CityApp, string> summary,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var app = await db.Apps.SingleOrDefaultAsync(a => a.Id == appId, cancellationToken) ?? throw new DomainRuleException(AppErrors.NotFound);
        // Saved under the version loaded (xmin), so a change after this check is refused by the save as well.
        if (app.Version != expectedVersion)
        {
            throw new DomainRuleException(AppErrors.ChangedMeanwhile);
        }

        change(app, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(AppErrors.ChangedMeanwhile);
        }

        await AuditAsync(action, app, summary(app), cancellationToken);
        return app;
    }

    /// <summary>The owner's name; refuses an unknown owner or access OPD.</summary>
    internal async Task<string> CheckAgenciesAsync(AppDraft draft, CancellationToken cancellationToken)
    {
        var agencies = (await directory.ListAgenciesAsync(cancellationToken)).ToDictionary(a => a.AgencyId);
        var errors = new List<UserError>();
        if (draft.OwnerAgencyId != Guid.Empty && !agencies.ContainsKey(draft.OwnerAgencyId))
        {
            errors.Add(AppErrors.Owner);
        }

        if ((draft.AgencyIds ?? []).Any(id => !agencies.ContainsKey(id)))
        {
            errors.Add(AppErrors.Agencies);
        }

        if (errors.Count > 0)
        {
            // With the draft's own errors, so the form shows them all at once.
            errors.AddRange(CityApp.Check(draft, draft.Status == Contracts.AppStatus.Retired));
            throw new DomainRuleException(errors);
        }

        return agencies.TryGetValue(draft.OwnerAgencyId, out var owner) ? owner.Name : string.Empty;
    }

    private Task AuditAsync(string action, CityApp app, string summary, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent(AppCatalogDbContext.Schema, action, nameof(CityApp), app.Id.ToString(), summary,
            new { app.Slug, app.Name, Status = app.Status.ToString(), Decision = app.Decision.ToString(), app.Upstream, Identity = app.Identity.ToString(), app.ReplacementPath }),
            cancellationToken);

    /// <summary>Saves; a slug taken by someone else at the same moment (the unique index) is the same refusal as one taken before.</summary>
    internal static async Task SaveAsync(AppCatalogDbContext db, string slug, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainRuleException(AppErrors.SlugTaken(slug));
        }
    }
}
