using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Compliance;
using Superapps.Datasets.Features.Reminders;

namespace Superapps.Datasets.Tests;

public sealed class ComplianceRulesTests
{
    private static readonly UpdateSchedule MonthlyBy10th = new(UpdateFrequency.Monthly, 10);
    private static readonly ReportingPeriod SinceJanuary = new(UpdateFrequency.Monthly, 2026, 1);
    private static readonly ComplianceMonth December = new(2026, 12);
    private static readonly DateOnly DueOn = new(2026, 12, 10);

    /// <summary>An instant given as a WIB wall-clock time.</summary>
    private static DateTimeOffset Wib(int month, int day, int hour, int minute = 0, int second = 0) => new(2026, month, day, hour, minute, second, TimeSpan.FromHours(7));

    [Fact]
    public void Each_frequency_is_due_in_the_month_after_its_period_ends()
    {
        ComplianceRules.PeriodDueIn(MonthlyBy10th, SinceJanuary, December).ShouldBe(new ReportingPeriod(UpdateFrequency.Monthly, 2026, 11));
        var quarterly = new UpdateSchedule(UpdateFrequency.Quarterly, 15);
        var q1 = new ReportingPeriod(UpdateFrequency.Quarterly, 2026, 1);
        ComplianceRules.PeriodDueIn(quarterly, q1, new ComplianceMonth(2026, 10)).ShouldBe(new ReportingPeriod(UpdateFrequency.Quarterly, 2026, 3));
        ComplianceRules.PeriodDueIn(quarterly, q1, new ComplianceMonth(2026, 11)).ShouldBeNull();
        var yearly = new UpdateSchedule(UpdateFrequency.Yearly, 31);
        ComplianceRules.PeriodDueIn(yearly, new ReportingPeriod(UpdateFrequency.Yearly, 2025, 1), new ComplianceMonth(2027, 1))
            .ShouldBe(new ReportingPeriod(UpdateFrequency.Yearly, 2026, 1));
        ComplianceRules.PeriodDueIn(new UpdateSchedule(UpdateFrequency.HalfYearly, 5), new ReportingPeriod(UpdateFrequency.HalfYearly, 2026, 1), new ComplianceMonth(2026, 7))
            .ShouldBe(new ReportingPeriod(UpdateFrequency.HalfYearly, 2026, 1));
    }

    [Fact]
    public void Nothing_is_due_for_periods_before_the_first_required_one()
    {
        ComplianceRules.PeriodDueIn(MonthlyBy10th, new ReportingPeriod(UpdateFrequency.Monthly, 2026, 12), December).ShouldBeNull();
        ComplianceRules.PeriodDueIn(MonthlyBy10th, new ReportingPeriod(UpdateFrequency.Monthly, 2026, 11), December).ShouldNotBeNull();
    }

    [Fact]
    public void An_upload_until_the_end_of_the_due_date_in_wib_is_on_time_whenever_it_is_approved()
    {
        var lastSecond = new PeriodFacts(true, Wib(12, 10, 23, 59, 59));
        ComplianceRules.StatusOf(DueOn, lastSecond, new DateOnly(2026, 12, 20)).ShouldBe(DueStatus.OnTime);
        var midnight = new PeriodFacts(true, Wib(12, 11, 0));
        ComplianceRules.StatusOf(DueOn, midnight, new DateOnly(2026, 12, 20)).ShouldBe(DueStatus.ApprovedLate);
        // 23.30 UTC on the 10th is already 06.30 WIB on the 11th.
        ComplianceRules.StatusOf(DueOn, new PeriodFacts(true, new DateTimeOffset(2026, 12, 10, 23, 30, 0, TimeSpan.Zero)), new DateOnly(2026, 12, 20))
            .ShouldBe(DueStatus.ApprovedLate);
    }

    [Fact]
    public void Without_approval_a_period_is_not_yet_due_through_its_due_date_and_late_after()
    {
        var uploadedOnly = new PeriodFacts(true, null);
        ComplianceRules.StatusOf(DueOn, uploadedOnly, new DateOnly(2026, 12, 10)).ShouldBe(DueStatus.NotYetDue);
        ComplianceRules.StatusOf(DueOn, uploadedOnly, new DateOnly(2026, 12, 11)).ShouldBe(DueStatus.Late);
        ComplianceRules.StatusOf(DueOn, PeriodFacts.None, new DateOnly(2026, 12, 11)).ShouldBe(DueStatus.Late);
    }

    [Fact]
    public void The_percentage_counts_on_time_among_what_can_be_judged()
    {
        var tally = ComplianceTally.Of([
            (DueStatus.OnTime, true), (DueStatus.OnTime, true), (DueStatus.ApprovedLate, true), (DueStatus.Late, true), (DueStatus.Late, false),
            (DueStatus.NotYetDue, true), (DueStatus.NotYetDue, false),
        ]);

        tally.ShouldBe(new ComplianceTally(Due: 7, Uploaded: 5, Approved: 3, OnTime: 2, Late: 2, NotYetDue: 2));
        tally.Assessed.ShouldBe(5);
        tally.Percentage.ShouldBe(40.0);
        ComplianceTally.Of([(DueStatus.NotYetDue, false)]).Percentage.ShouldBeNull();
        ComplianceTally.Empty.Percentage.ShouldBeNull();
    }

    [Fact]
    public void Agencies_rank_by_percentage_then_by_name_with_nothing_to_judge_last()
    {
        var rows = new[]
        {
            ("Dinas Sosial", ComplianceTally.Of([(DueStatus.Late, false)])),
            ("Dinas Kesehatan", ComplianceTally.Of([(DueStatus.OnTime, true)])),
            ("Bappeda", ComplianceTally.Of([(DueStatus.NotYetDue, false)])),
            ("Dinas Pendidikan", ComplianceTally.Of([(DueStatus.OnTime, true), (DueStatus.Late, false)])),
            ("dinas Arsip", ComplianceTally.Of([(DueStatus.OnTime, true)])),
        };

        ComplianceRules.Rank(rows, r => r.Item2, r => r.Item1).Select(r => r.Item1)
            .ShouldBe(["dinas Arsip", "Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "Bappeda"]);
    }

    [Theory]
    [InlineData("2026-11", true)]
    [InlineData(" 2026-01 ", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-1", false)]
    [InlineData("November", false)]
    [InlineData("1999-12", false)]
    [InlineData("", false)]
    public void A_month_is_read_as_year_and_month(string text, bool valid) =>
        ComplianceMonth.TryParse(text, out _).ShouldBe(valid);

    [Fact]
    public void A_reminder_window_opens_days_before_the_due_date_and_escalation_follows_the_day_after()
    {
        IReadOnlyList<(ReportingPeriod, ReminderKind)> On(int month, int day) => ReminderRules.Candidates(MonthlyBy10th, SinceJanuary, new DateOnly(2026, month, day), 3);
        var november = new ReportingPeriod(UpdateFrequency.Monthly, 2026, 11);
        var october = new ReportingPeriod(UpdateFrequency.Monthly, 2026, 10);

        On(12, 6).ShouldBe([(october, ReminderKind.Escalation)]);
        On(12, 7).ShouldBe([(november, ReminderKind.Reminder), (october, ReminderKind.Escalation)]);
        On(12, 10).ShouldBe([(november, ReminderKind.Reminder)]);
        On(12, 11).ShouldBe([(november, ReminderKind.Escalation)]);
    }

    [Fact]
    public void No_reminder_or_escalation_before_the_first_required_period()
    {
        ReminderRules.Candidates(MonthlyBy10th, new ReportingPeriod(UpdateFrequency.Monthly, 2026, 12), new DateOnly(2026, 12, 11), 3).ShouldBeEmpty();
    }
}
