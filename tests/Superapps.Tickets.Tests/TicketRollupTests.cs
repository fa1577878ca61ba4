using Superapps.Tickets.Contracts;
using Superapps.Tickets.Features.Reports;

namespace Superapps.Tickets.Tests;

/// <summary>The reports' monthly roll-up arithmetic (ADR 0013): months in WIB, reports by the month reported, resolutions by the month of the last one.</summary>
public sealed class TicketRollupTests
{
    private static readonly TimeZoneInfo Wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly Guid Agency = Guid.Parse("0195d0a0-0000-7000-8000-0000000000d2");
    private static readonly Guid Site = Guid.Parse("0195d0a0-0000-7000-8000-0000000000e1");

    private static TicketFacts Facts(DateTimeOffset created, DateTimeOffset? resolved, TicketStatus status, bool? responseMet = null, bool? resolutionMet = null,
        TimeSpan? business = null, TicketCategory category = TicketCategory.InternetDown) =>
        new(created, resolved, status, Agency, Site, category, responseMet, resolutionMet, business);

    [Fact]
    public void Months_are_the_citys_a_ticket_reported_at_00_30_WIB_on_1_December_belongs_to_December()
    {
        var created = new DateTimeOffset(2026, 11, 30, 17, 30, 0, TimeSpan.Zero);

        TicketRollup.MonthOf(created, Wib).ShouldBe(new DateOnly(2026, 12, 1));
        TicketRollup.Start(new DateOnly(2026, 12, 1), Wib).ShouldBe(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero));
        TicketRollup.KeysOf(Facts(created, null, TicketStatus.New), Wib).ShouldBe([new TicketRollupKey(new DateOnly(2026, 12, 1), Agency, Site, TicketCategory.InternetDown)]);
    }

    [Fact]
    public void Reports_count_in_their_month_and_resolutions_in_the_month_of_the_last_one_while_resolved_or_closed()
    {
        var november = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        var december = new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);
        var rows = TicketRollup.Aggregate(
        [
            Facts(november, november.AddHours(2), TicketStatus.Closed, responseMet: true, resolutionMet: true, business: TimeSpan.FromHours(2)),
            Facts(november, december, TicketStatus.Resolved, responseMet: false, resolutionMet: false, business: TimeSpan.FromHours(9.5)),
            Facts(november, november.AddHours(3), TicketStatus.Reopened, responseMet: true),
            Facts(december, null, TicketStatus.New),
        ], Wib);

        var nov = rows[new TicketRollupKey(new DateOnly(2026, 11, 1), Agency, Site, TicketCategory.InternetDown)];
        (nov.Reported, nov.ResponseMet, nov.ResponseCounted, nov.Resolved, nov.ResolutionMet, nov.ResolutionCounted).ShouldBe((3, 2, 3, 1, 1, 1));
        (nov.BusinessTimeCount, nov.BusinessTimeMicroseconds, nov.WallTimeMicroseconds).ShouldBe((1, 7_200_000_000L, 7_200_000_000L));
        var dec = rows[new TicketRollupKey(new DateOnly(2026, 12, 1), Agency, Site, TicketCategory.InternetDown)];
        (dec.Reported, dec.ResponseCounted, dec.Resolved, dec.ResolutionMet, dec.ResolutionCounted, dec.BusinessTimeCount).ShouldBe((1, 0, 1, 0, 1, 1));
        dec.WallTimeMicroseconds.ShouldBe(TicketRollup.Microseconds(december - november));
        rows.Count.ShouldBe(2);
    }
}
