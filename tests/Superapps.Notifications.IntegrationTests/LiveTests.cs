using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Notifications.Features.Inbox;
using Superapps.Notifications.Features.Live;
using Superapps.Notifications.Pages.Bell;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Notifications.IntegrationTests;

/// <summary>
/// The live path, end to end on real PostgreSQL: a committed notice is NOTIFYed, the listener hears it, the stream tells the
/// recipient's open pages, and the bell re-renders without a reload.
/// </summary>
public sealed class LiveTests(PostgresServer server) : SuperappsComponentTest, IAsyncLifetime
{
    private NotificationsHarness _harness = null!;
    private AsyncServiceScope? _scope;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _harness = await NotificationsHarness.StartAsync(server);
        var listener = _harness.Module.Services.GetRequiredService<NoticeListener>();
        await listener.StartAsync(Ct);
        await listener.Listening.WaitAsync(TimeSpan.FromSeconds(15), Ct);
    }

    public new async ValueTask DisposeAsync()
    {
        await _harness.Module.Services.GetRequiredService<NoticeListener>().StopAsync(CancellationToken.None);
        if (_scope is { } scope)
        {
            await scope.DisposeAsync();
        }

        await _harness.DisposeAsync();
        await base.DisposeAsync();
    }

    private NoticeStream Stream => _harness.Module.Services.GetRequiredService<NoticeStream>();

    [Fact]
    public async Task A_committed_notice_reaches_the_open_pages_of_its_recipient_only()
    {
        var (recipient, other) = (_harness.Employees[0].Id, _harness.Employees[1].Id);
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherTold = 0;
        using var mine = Stream.Subscribe(recipient, () =>
        {
            told.TrySetResult();
            return Task.CompletedTask;
        });
        using var theirs = Stream.Subscribe(other, () =>
        {
            Interlocked.Increment(ref otherTold);
            return Task.CompletedTask;
        });

        await _harness.NotifyAsync(NotificationsHarness.Notice(recipient, "live"));

        await told.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        otherTold.ShouldBe(0);
        Stream.SubscriberCount(recipient).ShouldBe(1);
    }

    [Fact]
    public async Task The_bell_counts_and_lists_unread_notices_and_counts_a_live_one_without_reload()
    {
        var employee = _harness.Employees[0].Id;
        await _harness.NotifyAsync(NotificationsHarness.Notice(employee, "one", subject: "Rapat koordinasi SPBE"));
        await _harness.NotifyAsync(NotificationsHarness.Notice(employee, "two", subject: "Laporan keuangan triwulan"));
        await _harness.NotifyAsync(NotificationsHarness.Notice(_harness.Employees[1].Id, "someone-else", subject: "Bukan untuk Anda"));

        _scope = _harness.Module.CreateScope();
        Services.AddSingleton(Stream);
        Services.AddSingleton(_scope.Value.ServiceProvider.GetRequiredService<NotificationInbox>());
        var auth = AddAuthorization();
        auth.SetAuthorized("Pegawai");
        auth.SetClaims(new Claim(SuperappsClaimTypes.EmployeeId, employee.ToString()));
        var popovers = RenderPopoverProvider();

        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-bell]").GetAttribute("data-unread").ShouldBe("2"), TimeSpan.FromSeconds(10));

        bell.Find("[data-testid=notification-bell-button]").Click();
        popovers.WaitForAssertion(() => popovers.FindAll("[data-testid=notification-item]").Count.ShouldBe(2), TimeSpan.FromSeconds(10));
        var items = popovers.FindAll("[data-testid=notification-item]");
        items[0].TextContent.ShouldContain("Disposisi baru: Laporan keuangan triwulan", customMessage: "newest first");
        items[0].TextContent.ShouldContain("WIB");
        items[1].TextContent.ShouldContain("Disposisi baru: Rapat koordinasi SPBE");
        popovers.Markup.ShouldNotContain("Bukan untuk Anda");

        // Another user's action commits a notice: the open bell counts it, no reload.
        await _harness.NotifyAsync(NotificationsHarness.Notice(employee, "three", subject: "Undangan bimtek"));
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-bell]").GetAttribute("data-unread").ShouldBe("3"), TimeSpan.FromSeconds(15));
        popovers.WaitForAssertion(() => popovers.FindAll("[data-testid=notification-item]")[0].TextContent.ShouldContain("Undangan bimtek"), TimeSpan.FromSeconds(10));

        // Opening a notice marks it read and goes to its link.
        popovers.FindAll("[data-testid=notification-item]")[0].Click();
        var navigation = Services.GetRequiredService<NavigationManager>();
        bell.WaitForAssertion(() => navigation.Uri.ShouldEndWith("/surat/0198a1b2-0000-7000-8000-000000000001"), TimeSpan.FromSeconds(10));
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-bell]").GetAttribute("data-unread").ShouldBe("2"), TimeSpan.FromSeconds(10));
    }
}
