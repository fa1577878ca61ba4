using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Identity.Data;
using Superapps.Identity.Features.Accounts;
using Superapps.Identity.Features.Administration;
using Superapps.Identity.Features.Sessions;
using Superapps.Identity.IntegrationTests.Infrastructure;
using Superapps.SharedKernel;

namespace Superapps.Identity.IntegrationTests;

/// <summary>The administration service the admin pages call, against the real database.</summary>
public sealed class UserAdministrationTests(IdentityServerFixture server) : IClassFixture<IdentityServerFixture>
{
    private const string Reason = "Permintaan tertulis dari BKPSDM";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_finds_an_account_by_name_nip_with_spaces_or_email_in_any_case()
    {
        var user = await server.TakeUserAsync();
        await using var scope = server.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var nip = user.UserName!;
        var spacedNip = $"{nip[..8]} {nip[8..14]} {nip[14..15]} {nip[15..]}";

        foreach (var text in new[] { user.DisplayName, user.DisplayName.ToUpperInvariant(), nip, spacedNip, user.Email!.ToUpperInvariant() })
        {
            var found = await administration.SearchAsync(new UserSearch(text), Ct);
            found.Items.ShouldContain(i => i.Id == user.Id, text);
            found.Total.ShouldBeLessThan(10, text);
        }

        (await administration.SearchAsync(new UserSearch("%"), Ct)).Total.ShouldBe(0);
        (await administration.SearchAsync(new UserSearch("_"), Ct)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task The_list_pages_in_the_database_in_name_order()
    {
        await using var scope = server.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var count = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Users.CountAsync(Ct);

        var first = await administration.SearchAsync(new UserSearch(), Ct);
        var second = await administration.SearchAsync(new UserSearch(Page: 2), Ct);
        var beyond = await administration.SearchAsync(new UserSearch(Page: 10_000), Ct);

        count.ShouldBeGreaterThan(UserAdministration.PageSize * 2);
        first.Total.ShouldBe(count);
        first.Items.Count.ShouldBe(UserAdministration.PageSize);
        first.PageCount.ShouldBe((count + UserAdministration.PageSize - 1) / UserAdministration.PageSize);
        first.Items.Select(i => i.DisplayName).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
        second.Page.ShouldBe(2);
        second.Items.Select(i => i.Id).Intersect(first.Items.Select(i => i.Id)).ShouldBeEmpty();
        beyond.Page.ShouldBe(first.PageCount);
        beyond.Items.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_list_shows_disabled_locked_out_mfa_and_session_count_and_filters_by_them()
    {
        var locked = await server.TakeUserAsync();
        var disabled = await server.TakeUserAsync();
        var (withMfa, _) = await server.TakeAdministratorAsync();
        var (admin, _) = await server.TakeAdministratorAsync();
        await using var scope = server.CreateScope();
        var services = scope.ServiceProvider;
        var administration = services.GetRequiredService<UserAdministration>();
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var until = DateTimeOffset.UtcNow.AddMinutes(30);
        await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id))!, until);
        (await administration.DisableAsync(admin.Id, disabled.Id, Reason, Ct)).Succeeded.ShouldBeTrue();
        await services.GetRequiredService<UserSessions>().StartAsync(withMfa.Id, null, Ct);
        await services.GetRequiredService<UserSessions>().StartAsync(withMfa.Id, null, Ct);

        var lockedRow = (await administration.SearchAsync(new UserSearch(locked.UserName, UserStatusFilter.LockedOut), Ct)).Items.ShouldHaveSingleItem();
        var disabledRow = (await administration.SearchAsync(new UserSearch(disabled.UserName, UserStatusFilter.Disabled), Ct)).Items.ShouldHaveSingleItem();
        var mfaRow = (await administration.SearchAsync(new UserSearch(withMfa.UserName), Ct)).Items.ShouldHaveSingleItem();

        lockedRow.LockedOutUntil.ShouldNotBeNull().ShouldBe(until, TimeSpan.FromMilliseconds(1));
        lockedRow.IsDisabled.ShouldBeFalse();
        disabledRow.IsDisabled.ShouldBeTrue();
        mfaRow.MfaEnabled.ShouldBeTrue();
        mfaRow.ActiveSessions.ShouldBe(2);
        (await administration.SearchAsync(new UserSearch(locked.UserName, UserStatusFilter.Active), Ct)).Total.ShouldBe(0);
        (await administration.SearchAsync(new UserSearch(disabled.UserName, UserStatusFilter.Active), Ct)).Total.ShouldBe(0);
        (await administration.SearchAsync(new UserSearch(withMfa.UserName, UserStatusFilter.MfaOff), Ct)).Total.ShouldBe(0);
        (await administration.SearchAsync(new UserSearch(Status: UserStatusFilter.Disabled), Ct)).Items.ShouldAllBe(i => i.IsDisabled);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_a_bilingual_reason_and_change_nothing()
    {
        var (admin, _) = await server.TakeAdministratorAsync();
        var user = await server.TakeUserAsync();
        await using var scope = server.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        (await administration.DisableAsync(admin.Id, "no-such-user", Reason, Ct)).ShouldBe(AdministrationResult.NotFound(AdministrationErrors.UserNotFound));
        (await administration.DisableAsync(admin.Id, null, Reason, Ct)).Failure.ShouldBe(AdministrationFailure.NotFound);
        (await administration.DisableAsync(admin.Id, admin.Id, Reason, Ct)).ShouldBe(AdministrationResult.Invalid(AdministrationErrors.CannotDisableSelf));
        (await administration.DisableAsync(admin.Id, user.Id, "   ", Ct)).ShouldBe(AdministrationResult.Invalid(AdministrationErrors.ReasonRequired));
        (await administration.DisableAsync(admin.Id, user.Id, new string('x', 501), Ct)).Error.ShouldBe(AdministrationErrors.ReasonTooLong);
        (await administration.EndSessionsAsync(admin.Id, user.Id, null, Ct)).Error.ShouldBe(AdministrationErrors.ReasonRequired);
        (await administration.ResetMfaAsync(admin.Id, admin.Id, Reason, Ct)).Error.ShouldBe(AdministrationErrors.CannotResetOwnMfa);
        (await administration.ResetMfaAsync(admin.Id, user.Id, Reason, Ct)).Failure.ShouldBe(AdministrationFailure.Conflict);
        (await administration.UnlockAsync(admin.Id, user.Id, null, Ct)).Error.ShouldBe(AdministrationErrors.NotLockedOut);
        (await administration.EnableAsync(admin.Id, user.Id, Reason, Ct)).Error.ShouldBe(AdministrationErrors.AlreadyEnabled);

        AdministrationErrors.ReasonRequired.Indonesian.ShouldStartWith("Isi alasan");
        AdministrationErrors.ReasonRequired.English.ShouldStartWith("Enter a reason");
        var unchanged = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id);
        unchanged!.IsDisabled.ShouldBeFalse();
        (await server.AuditEntriesAsync(user.Id)).ShouldNotContain(e => e.Action.StartsWith("user.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disabling_then_enabling_lets_the_user_sign_in_again_and_both_are_audited()
    {
        var (admin, _) = await server.TakeAdministratorAsync();
        var user = await server.TakeUserAsync();
        await using var scope = server.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        (await administration.DisableAsync(admin.Id, user.Id, Reason, Ct)).Succeeded.ShouldBeTrue();
        (await administration.DisableAsync(admin.Id, user.Id, Reason, Ct)).Error.ShouldBe(AdministrationErrors.AlreadyDisabled);

        var enabled = await administration.EnableAsync(admin.Id, user.Id, "Kembali bertugas", Ct);

        enabled.Succeeded.ShouldBeTrue();
        using var browser = server.CreateBrowser();
        using var login = await browser.SubmitLoginAsync(user.UserName!, IdentityServerFixture.DemoPassword);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var audit = await server.AuditEntriesAsync(user.Id);
        audit.Where(e => e.Action is "user.disabled" or "user.enabled").Select(e => e.Action).ShouldBe(["user.disabled", "user.enabled"]);
        audit.Single(e => e.Action == "user.disabled").Data.ShouldNotBeNull().ShouldContain(Reason);
        audit.Single(e => e.Action == "user.disabled").Data.ShouldNotBeNull().ShouldContain(admin.Id);
    }

    [Fact]
    public async Task Unlocking_lifts_a_lockout_and_clears_the_failure_count()
    {
        var (admin, _) = await server.TakeAdministratorAsync();
        var user = await server.TakeUserAsync();
        await using var scope = server.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = (await users.FindByIdAsync(user.Id))!;
        for (var i = 0; i < users.Options.Lockout.MaxFailedAccessAttempts; i++)
        {
            await users.AccessFailedAsync(account);
        }

        (await users.IsLockedOutAsync(account)).ShouldBeTrue();

        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().UnlockAsync(admin.Id, user.Id, reason: null, Ct);

        result.Succeeded.ShouldBeTrue();
        await using var check = server.CreateScope();
        var checkUsers = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var after = (await checkUsers.FindByIdAsync(user.Id))!;
        (await checkUsers.IsLockedOutAsync(after)).ShouldBeFalse();
        after.AccessFailedCount.ShouldBe(0);
        (await server.AuditEntriesAsync(user.Id)).ShouldContain(e => e.Action == "user.unlocked");
    }

    [Fact]
    public async Task Resetting_mfa_discards_key_and_recovery_codes_and_ends_the_sessions()
    {
        var (admin, _) = await server.TakeAdministratorAsync();
        var (user, oldKey) = await server.TakeAdministratorAsync();
        await using var scope = server.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!, 10);
        var session = await scope.ServiceProvider.GetRequiredService<UserSessions>().StartAsync(user.Id, null, Ct);

        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().ResetMfaAsync(admin.Id, user.Id, "Ponsel diganti", Ct);

        result.Succeeded.ShouldBeTrue(result.Error?.ToString());
        await using var check = server.CreateScope();
        var checkUsers = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var after = (await checkUsers.FindByIdAsync(user.Id))!;
        after.TwoFactorEnabled.ShouldBeFalse();
        (await checkUsers.GetAuthenticatorKeyAsync(after)).ShouldNotBe(oldKey);
        (await checkUsers.CountRecoveryCodesAsync(after)).ShouldBe(0);
        (await check.ServiceProvider.GetRequiredService<UserSessions>().ActiveAmongAsync([session.Id], Ct)).ShouldBeEmpty();
        (await check.ServiceProvider.GetRequiredService<MfaPolicy>().MustEnrolAsync(after)).ShouldBeTrue();
        (await server.AuditEntriesAsync(user.Id)).ShouldContain(e => e.Action == "user.mfa-reset");
    }

    [Fact]
    public async Task Requiring_mfa_for_a_role_makes_its_members_enrol_and_is_audited()
    {
        var (admin, _) = await server.TakeAdministratorAsync();
        var user = await server.TakeUserAsync();
        await using var scope = server.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var member = (await users.FindByIdAsync(user.Id))!;
        await users.AddToRoleAsync(member, Roles.HelpdeskTechnician);
        var mfa = scope.ServiceProvider.GetRequiredService<MfaPolicy>();
        (await mfa.MustEnrolAsync(member)).ShouldBeFalse();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var result = await administration.SetRoleRequiresMfaAsync(admin.Id, Roles.HelpdeskTechnician, requireMfa: true, Ct);

        result.Succeeded.ShouldBeTrue();
        (await mfa.MustEnrolAsync(member)).ShouldBeTrue();
        var row = (await administration.ListRolePoliciesAsync(Ct)).Single(r => r.RoleName == Roles.HelpdeskTechnician);
        row.RequireMfa.ShouldBeTrue();
        row.Members.ShouldBeGreaterThanOrEqualTo(1);
        (await server.AuditEntriesAsync(Roles.HelpdeskTechnician)).ShouldContain(e => e.Action == "role-policy.changed" && e.EntityType == "role");

        // A member now meets the enrolment page instead of a code.
        using var browser = server.CreateBrowser();
        using (var authorize = await browser.Http.GetAsync(IdentityBrowser.AuthorizeUrl(Pkce.Create(), "s"), Ct))
        {
            var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["ReturnUrl"].ToString();
            var next = await browser.SignInAsync(user.UserName!, IdentityServerFixture.DemoPassword, returnUrl);
            using var again = await browser.Http.GetAsync(next, Ct);
            again.Headers.Location!.OriginalString.ShouldStartWith("/Account/Manage/TwoFactor?required=true");
        }

        (await administration.SetRoleRequiresMfaAsync(admin.Id, Roles.HelpdeskTechnician, requireMfa: false, Ct)).Succeeded.ShouldBeTrue();
        (await mfa.MustEnrolAsync(member)).ShouldBeFalse();
        (await administration.SetRoleRequiresMfaAsync(admin.Id, Roles.Administrator, requireMfa: false, Ct)).Error.ShouldBe(AdministrationErrors.AdministratorsNeedMfa);
        (await administration.SetRoleRequiresMfaAsync(admin.Id, "no-such-role", requireMfa: true, Ct)).Failure.ShouldBe(AdministrationFailure.NotFound);
    }
}
