using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Notifications.Features.Delivery;
using Superapps.Notifications.Features.Preferences;
using Superapps.Notifications.Pages.Settings;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Notifications.IntegrationTests;

/// <summary>The settings page against real PostgreSQL: a bad number is refused in place and what the user typed stays.</summary>
public sealed class SettingsPageTests(PostgresServer server) : SuperappsComponentTest, IAsyncLifetime
{
    private NotificationsHarness _harness = null!;
    private AsyncServiceScope? _scope;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await NotificationsHarness.StartAsync(server);

    public new async ValueTask DisposeAsync()
    {
        if (_scope is { } scope)
        {
            await scope.DisposeAsync();
        }

        await _harness.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task A_bad_number_is_refused_in_place_and_a_good_one_is_saved_normalised()
    {
        var employee = _harness.Employees[0].Id;
        _scope = _harness.Module.CreateScope();
        var preferences = _scope.Value.ServiceProvider.GetRequiredService<NotificationPreferences>();
        Services.AddSingleton(preferences);
        Services.AddSingleton(_scope.Value.ServiceProvider.GetRequiredService<IWhatsAppGateway>());
        var auth = AddAuthorization();
        auth.SetAuthorized("Pegawai");
        auth.SetClaims(new Claim(SuperappsClaimTypes.EmployeeId, employee.ToString()));
        RenderPopoverProvider();

        var page = Render<NotificationSettingsPage>();
        page.WaitForElement("input[data-testid=settings-whatsapp-number]", TimeSpan.FromSeconds(10));
        page.Find("input[data-testid=settings-whatsapp]").Change(true);
        page.Find("input[data-testid=settings-whatsapp-number]").Change("021-555-0101");
        page.Find("[data-testid=settings-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=errors]").TextContent.ShouldContain("Nomor WhatsApp tidak valid"), TimeSpan.FromSeconds(10));
        page.Find("input[data-testid=settings-whatsapp-number]").GetAttribute("value").ShouldBe("021-555-0101");
        (await preferences.GetAsync(employee, Ct)).WhatsAppEnabled.ShouldBeFalse("nothing was saved");

        page.Find("input[data-testid=settings-whatsapp-number]").Change("0812 3456 7890");
        page.Find("[data-testid=settings-save]").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=errors]").ShouldBeEmpty(), TimeSpan.FromSeconds(10));
        var saved = await preferences.GetAsync(employee, Ct);
        saved.WhatsAppEnabled.ShouldBeTrue();
        saved.WhatsAppNumber.ShouldBe("6281234567890");
        saved.EmailEnabled.ShouldBeTrue();
    }
}
