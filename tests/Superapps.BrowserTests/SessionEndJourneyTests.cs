using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Superapps.SharedKernel;

namespace Superapps.BrowserTests;

/// <summary>A session ended at the identity server ends the portal session, open pages included, within a minute.</summary>
public sealed class SessionEndJourneyTests(PortalFixture fixture)
{
    [Fact]
    public async Task Ending_a_session_from_another_device_sends_the_open_portal_page_back_to_the_login()
    {
        var (login, _, _) = await fixture.UserWithRoleAsync(Roles.DataCustodian);
        var laptop = await fixture.NewPageAsync();
        await fixture.SignInAsync(laptop, login);
        await laptop.GotoAsync(new Uri(fixture.Stack.PortalUrl, "organisasi").ToString());
        await Assertions.Expect(laptop.GetByTestId("org-chart")).ToContainTextAsync("Walikota");

        // The same civil servant, on a phone, ends every session but the phone's own.
        var phone = await fixture.NewPageAsync(360, 740);
        await fixture.SignInAsync(phone, login);
        await phone.GotoAsync(new Uri(fixture.Stack.IdentityUrl, "Account/Manage/Sessions").ToString());
        var others = phone.Locator("[data-testid=sessions] tbody tr").Filter(new LocatorFilterOptions { HasNotText = "(sesi ini)" });
        await Assertions.Expect(others).Not.ToHaveCountAsync(0);
        while (await others.CountAsync() > 0)
        {
            var before = await others.CountAsync();
            await others.First.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Akhiri" }).ClickAsync();
            await Assertions.Expect(others).ToHaveCountAsync(before - 1);
        }

        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("sessions-phone.png"), FullPage = true });

        // The laptop's open page notices on its own, without a reload, within a minute.
        await laptop.WaitForURLAsync(new Regex("/Account/Login"), new PageWaitForURLOptions { Timeout = 60_000 });
        await Assertions.Expect(laptop.Locator("#password")).ToBeVisibleAsync();
    }
}
