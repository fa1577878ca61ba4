using Superapps.Datasets.Domain;

namespace Superapps.Datasets.Tests;

public sealed class UpdateScheduleTests
{
    private static readonly UpdateSchedule MonthlyBy10th = new(UpdateFrequency.Monthly, 10);
    private static readonly ReportingPeriod Since = new(UpdateFrequency.Monthly, 2026, 1);

    private static ReportingPeriod Month(int year, int month) => new(UpdateFrequency.Monthly, year, month);

    [Fact]
    public void A_period_is_due_on_the_due_day_of_the_month_after_it_ends()
    {
        MonthlyBy10th.DueOn(Month(2026, 11)).ShouldBe(new DateOnly(2026, 12, 10));
        MonthlyBy10th.DueOn(Month(2026, 12)).ShouldBe(new DateOnly(2027, 1, 10));
        new UpdateSchedule(UpdateFrequency.Quarterly, 15).DueOn(new ReportingPeriod(UpdateFrequency.Quarterly, 2026, 3)).ShouldBe(new DateOnly(2026, 10, 15));
        new UpdateSchedule(UpdateFrequency.Yearly, 31).DueOn(new ReportingPeriod(UpdateFrequency.Yearly, 2026, 1)).ShouldBe(new DateOnly(2027, 1, 31));
    }

    [Fact]
    public void A_due_day_past_the_end_of_a_short_month_is_its_last_day() =>
        new UpdateSchedule(UpdateFrequency.Monthly, 31).DueOn(Month(2027, 1)).ShouldBe(new DateOnly(2027, 2, 28));

    [Theory]
    [InlineData("2026-12-09", "2026-10")]
    [InlineData("2026-12-10", "2026-11")]
    [InlineData("2027-01-01", "2026-11")]
    [InlineData("2027-01-10", "2026-12")]
    public void The_latest_due_period_changes_on_the_due_day(string today, string latestDue) =>
        MonthlyBy10th.LatestDue(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).Key.ShouldBe(latestDue);

    [Fact]
    public void Data_approved_for_the_latest_due_period_is_on_time_until_the_next_due_day()
    {
        MonthlyBy10th.FreshnessOn(new DateOnly(2026, 12, 10), Month(2026, 11), Since).ShouldBe(Freshness.OnTime);
        MonthlyBy10th.FreshnessOn(new DateOnly(2027, 1, 9), Month(2026, 11), Since).ShouldBe(Freshness.OnTime);
        MonthlyBy10th.FreshnessOn(new DateOnly(2027, 1, 10), Month(2026, 11), Since).ShouldBe(Freshness.Late);
    }

    [Fact]
    public void One_missing_period_is_late_for_thirty_days_and_very_late_after()
    {
        MonthlyBy10th.FreshnessOn(new DateOnly(2026, 12, 11), Month(2026, 10), Since).ShouldBe(Freshness.Late);
        // Due on 10 October: the thirtieth day overdue is still late, the thirty-first very late.
        new UpdateSchedule(UpdateFrequency.Quarterly, 10).FreshnessOn(new DateOnly(2026, 11, 9), new ReportingPeriod(UpdateFrequency.Quarterly, 2026, 2),
            new ReportingPeriod(UpdateFrequency.Quarterly, 2026, 1)).ShouldBe(Freshness.Late);
        new UpdateSchedule(UpdateFrequency.Quarterly, 10).FreshnessOn(new DateOnly(2026, 11, 10), new ReportingPeriod(UpdateFrequency.Quarterly, 2026, 2),
            new ReportingPeriod(UpdateFrequency.Quarterly, 2026, 1)).ShouldBe(Freshness.VeryLate);
    }

    [Fact]
    public void Two_missing_periods_are_very_late_at_once() =>
        MonthlyBy10th.FreshnessOn(new DateOnly(2026, 12, 10), Month(2026, 9), Since).ShouldBe(Freshness.VeryLate);

    [Fact]
    public void A_dataset_never_uploaded_is_judged_from_its_first_required_period()
    {
        var since = Month(2026, 11);
        MonthlyBy10th.FreshnessOn(new DateOnly(2026, 12, 9), null, since).ShouldBe(Freshness.OnTime);
        MonthlyBy10th.FreshnessOn(new DateOnly(2026, 12, 10), null, since).ShouldBe(Freshness.Late);
        MonthlyBy10th.FreshnessOn(new DateOnly(2027, 1, 10), null, since).ShouldBe(Freshness.VeryLate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public void A_due_day_outside_a_month_is_refused(int day) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new UpdateSchedule(UpdateFrequency.Monthly, day));
}
