using System.Security.Claims;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Features.Launcher;
using Superapps.SharedKernel;

namespace Superapps.AppCatalog.Tests;

/// <summary>Who may open an app (<see cref="AppAccess"/>, and the launcher's reading of the user's claims), and the latency quantiles.</summary>
public sealed class AccessAndLatencyTests
{
    private static readonly Guid Bkpsdm = Guid.CreateVersion7();
    private static readonly Guid Disdik = Guid.CreateVersion7();

    [Fact]
    public void A_public_app_is_open_to_anyone_and_an_employees_app_only_to_the_signed_in()
    {
        AppAccess.Public.Allows(false, [], []).ShouldBeTrue();
        AppAccess.Employees.Allows(false, [], []).ShouldBeFalse();
        AppAccess.Employees.Allows(true, [], []).ShouldBeTrue();
    }

    [Fact]
    public void Roles_and_agencies_must_both_match_when_listed()
    {
        var access = new AppAccess(false, [Roles.Administrator, Roles.AgencyAdministrator], [Bkpsdm]);

        access.Allows(true, [Roles.AgencyAdministrator], [Bkpsdm]).ShouldBeTrue();
        access.Allows(true, [Roles.AgencyAdministrator], [Disdik]).ShouldBeFalse();
        access.Allows(true, [Roles.Leader], [Bkpsdm]).ShouldBeFalse();
        access.Allows(true, [Roles.Leader, Roles.Administrator], [Disdik, Bkpsdm]).ShouldBeTrue();
    }

    [Fact]
    public void The_launcher_reads_roles_the_home_opd_and_the_opds_of_held_positions()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Role, Roles.Leader),
            new Claim(SuperappsClaimTypes.AgencyId, Disdik.ToString()),
            new Claim(SuperappsClaimTypes.Position, $$"""{"id":"{{Guid.NewGuid()}}","title":"Plt Kepala","agencyId":"{{Bkpsdm}}","kind":"Plt"}"""),
            new Claim(SuperappsClaimTypes.Position, "not json"),
        ], "test", "name", ClaimTypes.Role));

        var user = LauncherUser.From(principal);

        user.SignedIn.ShouldBeTrue();
        user.Roles.ShouldBe([Roles.Leader]);
        user.AgencyIds.ShouldBe([Disdik, Bkpsdm], ignoreOrder: true);
        LauncherUser.From(new ClaimsPrincipal(new ClaimsIdentity())).SignedIn.ShouldBeFalse();
    }

    [Fact]
    public void A_latency_falls_into_the_bucket_of_its_upper_bound()
    {
        UsageLatency.BucketOf(0.3).ShouldBe(0);
        UsageLatency.BucketOf(1).ShouldBe(0);
        UsageLatency.BucketOf(1.01).ShouldBe(1);
        UsageLatency.BucketOf(150).ShouldBe(7);
        UsageLatency.BucketOf(60_000).ShouldBe(UsageLatency.BucketUpperBoundsMs.Count - 1);
    }

    [Fact]
    public void Quantiles_are_the_upper_bound_of_the_bucket_that_holds_them()
    {
        var buckets = new long[UsageLatency.BucketUpperBoundsMs.Count];
        buckets[UsageLatency.BucketOf(8)] = 50;   // ≤ 10 ms
        buckets[UsageLatency.BucketOf(40)] = 45;  // ≤ 50 ms
        buckets[UsageLatency.BucketOf(900)] = 5;  // ≤ 1000 ms

        UsageLatency.Quantile(buckets, 0.5).ShouldBe(10);
        UsageLatency.Quantile(buckets, 0.51).ShouldBe(50);
        UsageLatency.Quantile(buckets, 0.95).ShouldBe(50);
        UsageLatency.Quantile(buckets, 0.96).ShouldBe(1000);
        UsageLatency.Quantile(new long[buckets.Length], 0.95).ShouldBeNull();
        buckets[^1] = 1000;
        double.IsPositiveInfinity(UsageLatency.Quantile(buckets, 0.95)!.Value).ShouldBeTrue();
    }
}
