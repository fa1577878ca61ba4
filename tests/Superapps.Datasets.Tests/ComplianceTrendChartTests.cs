using Bunit;
using MudBlazor;
using Superapps.Datasets.Features.Compliance;
using Superapps.Datasets.Pages.Compliance.Components;
using Superapps.Testing;

namespace Superapps.Datasets.Tests;

/// <summary>The trend chart never draws a month with nothing to judge as 0 %: such months are left out of the line and named.</summary>
public sealed class ComplianceTrendChartTests : SuperappsComponentTest
{
    private static readonly ComplianceTally Nothing = ComplianceTally.Empty;
    private static readonly ComplianceTally AllLate = new(Due: 2, Uploaded: 0, Approved: 0, OnTime: 0, Late: 2, NotYetDue: 0);
    private static readonly ComplianceTally Half = new(Due: 2, Uploaded: 2, Approved: 1, OnTime: 1, Late: 1, NotYetDue: 0);
    private static readonly ComplianceTally OnlyNotYetDue = new(Due: 1, Uploaded: 0, Approved: 0, OnTime: 0, Late: 0, NotYetDue: 1);

    [Fact]
    public void Months_without_anything_to_judge_are_left_out_of_the_line_and_named_while_a_real_zero_stays()
    {
        var chart = Render<ComplianceTrendChart>(p => p
            .Add(c => c.Title, "Tren")
            .Add(c => c.Trend, [Point(9, Nothing), Point(10, AllLate), Point(11, OnlyNotYetDue), Point(12, Half)]));

        var line = chart.FindComponent<MudChart<double>>().Instance;
        line.ChartLabels.ShouldBe(["Okt 26", "Des 26"]);
        line.ChartSeries.ShouldHaveSingleItem().Data.Values.ShouldBe([0.0, 50.0]);
        var caption = chart.Find("[data-testid=trend-no-data]").TextContent;
        caption.ShouldContain("Tanpa data");
        caption.ShouldContain("Sep 26, Nov 26");
    }

    [Fact]
    public void A_trend_with_nothing_to_judge_draws_no_line_and_says_so_in_english_too()
    {
        UseEnglish();
        var chart = Render<ComplianceTrendChart>(p => p
            .Add(c => c.Title, "Trend")
            .Add(c => c.Trend, [Point(11, Nothing), Point(12, Nothing)]));

        chart.FindComponents<MudChart<double>>().ShouldBeEmpty();
        chart.Find("[data-testid=trend-no-data]").TextContent.ShouldContain("No data (no dataset could be judged; not drawn): Nov 26, Dec 26");
    }

    private static ComplianceTrendPoint Point(int month, ComplianceTally tally) => new(new ComplianceMonth(2026, month), tally);
}
