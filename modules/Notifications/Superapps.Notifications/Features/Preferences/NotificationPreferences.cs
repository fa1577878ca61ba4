using Microsoft.EntityFrameworkCore;
using Superapps.Notifications.Contracts;
using Superapps.Notifications.Data;
using Superapps.Notifications.Domain;
using Superapps.SharedKernel;

namespace Superapps.Notifications.Features.Preferences;

/// <summary>What a user chose on <c>/notifikasi/pengaturan</c>.</summary>
/// <param name="WhatsAppNumber">As typed (08…, +628…); stored as 628….</param>
public sealed record PreferenceInput(bool Email, bool WhatsApp, string? WhatsAppNumber, IReadOnlyCollection<NoticeTopic> EmailMuted, IReadOnlyCollection<NoticeTopic> WhatsAppMuted);

/// <summary>Reads and changes an employee's channel choices; every change is audited.</summary>
public sealed class NotificationPreferences(IDbContextFactory<NotificationsDbContext> contexts, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>The employee's choices, or the defaults (e-mail on, WhatsApp off) when they never chose.</summary>
    public async Task<Preference> GetAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Preferences.AsNoTracking().FirstOrDefaultAsync(p => p.EmployeeId == employeeId, cancellationToken) ?? Preference.Default(employeeId);
    }

    /// <summary>Validates and stores the choices. A bad WhatsApp number throws a bilingual <see cref="DomainRuleException"/> and changes nothing.</summary>
    public async Task<Preference> SaveAsync(Guid employeeId, PreferenceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (employeeId == Guid.Empty)
        {
            throw new DomainRuleException(NotificationErrors.NoEmployee);
        }

        var number = string.IsNullOrWhiteSpace(input.WhatsAppNumber) ? null : WhatsAppNumber.Normalize(input.WhatsAppNumber);
        if (input.WhatsApp && number is null)
        {
            throw new DomainRuleException(NotificationErrors.WhatsAppNumberRequired);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var preference = await db.Preferences.FirstOrDefaultAsync(p => p.EmployeeId == employeeId, cancellationToken);
        if (preference is null)
        {
            preference = new Preference(employeeId);
            db.Preferences.Add(preference);
        }

        preference.Change(input.Email, input.WhatsApp, number, input.EmailMuted, input.WhatsAppMuted, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(preference).State == EntityState.Added)
        {
            // Saved at the same moment from another tab: apply these choices over that row.
            db.ChangeTracker.Clear();
            preference = await db.Preferences.FirstAsync(p => p.EmployeeId == employeeId, cancellationToken);
            preference.Change(input.Email, input.WhatsApp, number, input.EmailMuted, input.WhatsAppMuted, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        await audit.RecordAsync(new AuditEvent(NotificationsDbContext.Schema, "preferences.changed", nameof(Preference), employeeId.ToString(),
            $"Pilihan pemberitahuan diubah: e-mail {(input.Email ? "aktif" : "mati")}, WhatsApp {(input.WhatsApp ? "aktif" : "mati")}",
            new { input.Email, input.WhatsApp, whatsAppNumber = number, emailMuted = input.EmailMuted, whatsAppMuted = input.WhatsAppMuted }), cancellationToken);
        return preference;
    }
}
