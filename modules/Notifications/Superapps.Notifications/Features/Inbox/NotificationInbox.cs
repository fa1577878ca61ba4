using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Superapps.Notifications.Contracts;
using Superapps.Notifications.Data;
using Superapps.Notifications.Features.Live;
using Superapps.SharedKernel;

namespace Superapps.Notifications.Features.Inbox;

/// <summary>A notice as the bell and the list show it.</summary>
public sealed record NoticeItem(Guid Id, NoticeTopic Topic, BilingualText Title, BilingualText? Body, string Link, DateTimeOffset CreatedAt, bool Read)
{
    public string TitleText => Bilingual.T(Title.Indonesian, Title.English);

    public string? BodyText => Body is null ? null : Bilingual.T(Body.Indonesian, Body.English);
}

public sealed record NoticePage(IReadOnlyList<NoticeItem> Items, int Total);

/// <summary>The signed-in employee, from the portal user's <c>employee_id</c> claim.</summary>
public static class CurrentEmployee
{
    public static Guid? From(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SuperappsClaimTypes.EmployeeId), out var id) ? id : null;
}

/// <summary>
/// One employee's notices: the unread count, the newest, pages of all of them, and read marks. Each call uses its own
/// context, so the bell and a page of the same circuit may reload at the same moment. Read marks notify the employee's other
/// open pages (other tabs, other instances) through <see cref="NoticeListener.Channel"/>.
/// </summary>
public sealed class NotificationInbox(IDbContextFactory<NotificationsDbContext> contexts, TimeProvider clock)
{
    public async Task<int> UnreadCountAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.RecipientEmployeeId == employeeId && n.ReadAt == null, cancellationToken);
    }

    public async Task<IReadOnlyList<NoticeItem>> RecentAsync(Guid employeeId, int take, CancellationToken cancellationToken = default) =>
        (await PageAsync(employeeId, 0, take, unreadOnly: false, cancellationToken)).Items;

    /// <param name="page">Zero-based page number.</param>
    public async Task<NoticePage> PageAsync(Guid employeeId, int page, int pageSize, bool unreadOnly, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientEmployeeId == employeeId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new NoticePage([.. rows.Select(n => new NoticeItem(n.Id, n.Topic, new BilingualText(n.TitleIndonesian, n.TitleEnglish),
            n.BodyIndonesian is null ? null : new BilingualText(n.BodyIndonesian, n.BodyEnglish ?? n.BodyIndonesian), n.Link, n.CreatedAt, n.ReadAt is not null))], total);
    }

    /// <summary>Marks one of the employee's notices read and returns its link; null when it is not theirs.</summary>
    public async Task<string?> OpenAsync(Guid employeeId, Guid noticeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await db.Notifications.Where(n => n.Id == noticeId && n.RecipientEmployeeId == employeeId).Select(n => n.Link).FirstOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var changed = await db.Notifications.Where(n => n.Id == noticeId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (changed > 0)
        {
            await NotifyAsync(db, employeeId, cancellationToken);
        }

        return link;
    }

    public async Task<int> MarkAllReadAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = await db.Notifications.Where(n => n.RecipientEmployeeId == employeeId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (changed > 0)
        {
            await NotifyAsync(db, employeeId, cancellationToken);
        }

        return changed;
    }

    private static Task<int> NotifyAsync(NotificationsDbContext db, Guid employeeId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_notify({NoticeListener.Channel}, {employeeId.ToString()})", cancellationToken);
}
