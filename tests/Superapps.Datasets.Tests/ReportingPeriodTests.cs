using System.Globalization;
using Superapps.Datasets.Domain;

namespace Superapps.Datasets.Tests;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData(UpdateFrequency.Monthly, "2026-11-30", "2026-11", "2026-11-01", "2026-11-30")]
    [InlineData(UpdateFrequency.Monthly, "2024-02-10", "2024-02", "2024-02-01", "2024-02-29")]
    [InlineData(UpdateFrequency.Quarterly, "2026-08-15", "2026-Q3", "2026-07-01", "2026-09-30")]
    [InlineData(UpdateFrequency.HalfYearly, "2026-06-30", "2026-S1", "2026-01-01", "2026-06-30")]
    [InlineData(UpdateFrequency.HalfYearly, "2026-07-01", "2026-S2", "2026-07-01", "2026-12-31")]
    [InlineData(UpdateFrequency.Yearly, "2026-03-01", "2026", "2026-01-01", "2026-12-31")]
    public void A_day_falls_in_one_period_with_its_first_and_last_day(UpdateFrequency frequency, string day, string key, string start, string end)
    {
        var period = ReportingPeriod.Containing(frequency, DateOnly.Parse(day, CultureInfo.InvariantCulture));

        period.Key.ShouldBe(key);
        period.Start.ShouldBe(DateOnly.Parse(start, CultureInfo.InvariantCulture));
        period.End.ShouldBe(DateOnly.Parse(end, CultureInfo.InvariantCulture));
        ReportingPeriod.TryParse(frequency, key, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(period);
    }

    [Fact]
    public void Periods_run_on_across_years_and_back()
    {
        var december = new ReportingPeriod(UpdateFrequency.Monthly, 2026, 12);
        december.Next().ShouldBe(new ReportingPeriod(UpdateFrequency.Monthly, 2027, 1));
        december.Next().Previous().ShouldBe(december);
        new ReportingPeriod(UpdateFrequency.Quarterly, 2027, 1).Previous().Key.ShouldBe("2026-Q4");
        new ReportingPeriod(UpdateFrequency.Quarterly, 2026, 3).Through(new ReportingPeriod(UpdateFrequency.Quarterly, 2027, 2))
            .Select(p => p.Key).ShouldBe(["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"]);
        december.Through(december.Previous()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(UpdateFrequency.Monthly, "2026-13")]
    [InlineData(UpdateFrequency.Monthly, "2026-00")]
    [InlineData(UpdateFrequency.Monthly, "2026-Q1")]
    [InlineData(UpdateFrequency.Quarterly, "2026-Q5")]
    [InlineData(UpdateFrequency.HalfYearly, "2026-S3")]
    [InlineData(UpdateFrequency.Yearly, "2026-01")]
    [InlineData(UpdateFrequency.Yearly, "dua ribu")]
    [InlineData(UpdateFrequency.Yearly, "")]
    [InlineData(UpdateFrequency.Yearly, null)]
    public void A_key_of_another_shape_or_out_of_range_is_not_a_period(UpdateFrequency frequency, string? text) =>
        ReportingPeriod.TryParse(frequency, text, out _).ShouldBeFalse();

    [Fact]
    public void Labels_name_the_period_as_people_do()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("id-ID");
            new ReportingPeriod(UpdateFrequency.Monthly, 2026, 11).Label.ShouldBe("November 2026");
            new ReportingPeriod(UpdateFrequency.Monthly, 2026, 8).Label.ShouldBe("Agustus 2026");
            new ReportingPeriod(UpdateFrequency.Quarterly, 2026, 3).Label.ShouldBe("Triwulan III 2026");
            new ReportingPeriod(UpdateFrequency.HalfYearly, 2026, 2).Label.ShouldBe("Semester II 2026");
            CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
            new ReportingPeriod(UpdateFrequency.Monthly, 2026, 8).Label.ShouldBe("August 2026");
            new ReportingPeriod(UpdateFrequency.Yearly, 2026, 1).Label.ShouldBe("Year 2026");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void An_index_outside_the_year_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new ReportingPeriod(UpdateFrequency.HalfYearly, 2026, 3));
}
