using System.Reflection;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Superapps.Datasets.Domain;
using Superapps.Datasets.Features.Review;
using Superapps.Datasets.Pages.Version;
using Superapps.SharedKernel;
using Superapps.Testing;
using static Superapps.Datasets.IntegrationTests.ReviewHarness;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>
/// The version page on PostgreSQL: the walidata's approve and return, a refusal shown in place with the ticks and the note kept, what
/// the producing OPD's operator reads of a return, another OPD's user turned away, the rows paged and the difference shown.
/// </summary>
public sealed class VersionPageTests(PostgresServer server) : ReviewPageTest(server)
{
    private Dataset _dataset = null!;
    private Guid _first;
    private Guid _second;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _dataset = await Harness.DatasetAsync("jumlah-siswa-sd",
            [new("sekolah", ColumnType.Text, Required: true, Key: true), new("jumlah_siswa", ColumnType.WholeNumber, Required: true)]);
        var rows = new StringBuilder("sekolah,jumlah_siswa\n");
        for (var i = 1; i <= 120; i++)
        {
            rows.Append("SDN ").Append(i).Append(',').Append(200 + i).Append('\n');
        }

        _first = await Harness.UploadAsync(_dataset, rows.ToString(), "2026-10");
        await Harness.RunAsync<DatasetReview>(r => r.ApproveAsync(_first, null, Walidata, Ct));
        _second = await Harness.UploadAsync(_dataset, rows.ToString().Replace("SDN 2,202", "SDN 2,210", StringComparison.Ordinal).Replace("SDN 120,320\n", "", StringComparison.Ordinal));
        Harness.Services.Audit.Clear();
        Harness.Notices.Clear();
    }

    private IRenderedComponent<VersionPage> RenderVersion(Features.Access.DataUser who, int number)
    {
        SignIn(who);
        RenderPopoverProvider();
        return Render<VersionPage>(p => p.Add(x => x.Code, "jumlah-siswa-sd").Add(x => x.Number, number));
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<VersionPage> page, string testId) => page.Find($"button[data-testid={testId}]");

    [Fact]
    public void The_walidata_sees_the_upload_its_rows_a_page_at_a_time_the_difference_and_the_actions()
    {
        typeof(VersionPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.Employee);

        var page = RenderVersion(Walidata, 2);

        page.WaitForAssertion(() => page.Find("[data-testid=version-status]").TextContent.ShouldBe("Menunggu pemeriksaan"), Wait);
        page.Find("[data-testid=version-title]").TextContent.ShouldBe("Jumlah Siswa SD");
        Text(page.Find("[data-testid=version-upload]")).ShouldContain("Sari (Operator Data)");
        page.WaitForAssertion(() => page.FindAll("[data-testid=version-row-number]").Count.ShouldBe(50), Wait);
        page.FindAll("[data-testid=version-row-number]")[0].TextContent.ShouldBe("2");
        page.Find("[data-testid=review-form]");
        Button(page, "review-approve").HasAttribute("disabled").ShouldBeFalse();
        // Returning needs a reason first.
        Button(page, "review-return").HasAttribute("disabled").ShouldBeTrue();

        page.WaitForAssertion(() => page.Find("[data-testid=version-diff-changed]").TextContent.ShouldBe("1 diubah"), Wait);
        page.Find("[data-testid=version-diff-removed]").TextContent.ShouldBe("1 dihapus");
        page.Find("[data-testid=version-diff-added]").TextContent.ShouldBe("0 ditambah");
        var changed = page.Find("[data-testid=version-diff-row][data-kind=changed]");
        Text(changed).ShouldContain("SDN 2");
        Text(changed.QuerySelector("[data-testid=version-diff-cell]")!).ShouldBe("jumlah_siswa: 202 → 210");
    }

    [Fact]
    public void The_walidata_returns_with_reasons_and_a_note_that_the_page_then_shows()
    {
        var page = RenderVersion(Walidata, 2);
        page.WaitForAssertion(() => page.Find("[data-testid=review-form]"), Wait);

        Input(page, "review-reason-DATA-TIDAK-LENGKAP").Change(true);
        Input(page, "review-reason-LAINNYA").Change(true);
        // Ticking a reason means returning; "Lainnya" needs the note, so the return waits for it.
        page.WaitForAssertion(() => Button(page, "review-approve").HasAttribute("disabled").ShouldBeTrue(), Wait);
        Button(page, "review-return").HasAttribute("disabled").ShouldBeTrue();
        Input(page, "review-note").Input("SDN 120 hilang.");
        page.WaitForAssertion(() => Button(page, "review-return").HasAttribute("disabled").ShouldBeFalse(), Wait);
        Button(page, "review-return").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=version-status]").TextContent.ShouldBe("Dikembalikan"), Wait);
        page.FindAll("[data-testid=review-form]").ShouldBeEmpty();
        page.FindAll("[data-testid=version-reason]").Select(Text).ShouldBe(["DATA-TIDAK-LENGKAP Data tidak lengkap", "LAINNYA Lainnya (lihat catatan)"]);
        Text(page.Find("[data-testid=version-note]")).ShouldBe("Catatan: SDN 120 hilang.");
        Harness.Services.Audit.Events.ShouldContain(e => e.Action == "version.returned");
        Harness.Notices.To(Operator.EmployeeId).ShouldHaveSingleItem().Link.ShouldBe("/data/jumlah-siswa-sd/versi/2");
    }

    [Fact]
    public async Task A_review_refused_because_another_walidata_decided_first_says_so_in_place_and_keeps_the_ticks_and_the_note()
    {
        UseEnglish();
        var page = RenderVersion(Walidata, 2);
        page.WaitForAssertion(() => page.Find("[data-testid=review-form]"), Wait);
        Input(page, "review-reason-NILAI-TIDAK-WAJAR").Change(true);
        Input(page, "review-note").Input("The count of SDN 2 jumps.");
        page.WaitForAssertion(() => Button(page, "review-return").HasAttribute("disabled").ShouldBeFalse(), Wait);

        await Harness.RunAsync<DatasetReview>(r => r.ApproveAsync(_second, null, OtherWalidata, Ct));
        Button(page, "review-return").Click();

        page.WaitForAssertion(() => Text(page.Find("[data-testid=review-error]")).ShouldBe(DatasetErrors.NotAwaitingReview.English), Wait);
        page.WaitForAssertion(() => page.Find("[data-testid=version-status]").TextContent.ShouldBe("Approved"), Wait);
        Input(page, "review-note").GetAttribute("value").ShouldBe("The count of SDN 2 jumps.");
        Input(page, "review-reason-NILAI-TIDAK-WAJAR").HasAttribute("checked").ShouldBeTrue();
        Button(page, "review-return").HasAttribute("disabled").ShouldBeTrue();
        Harness.Services.Audit.Events.Count(e => e.Action == "version.returned").ShouldBe(0);
    }

    [Fact]
    public async Task The_producing_opds_operator_reads_why_it_was_returned_but_cannot_review()
    {
        await Harness.RunAsync<DatasetReview>(r => r.ReturnAsync(_second, [ReturnReason.Implausible], "Jumlah SDN 2 melonjak.", Walidata, Ct));

        var page = RenderVersion(Operator, 2);

        page.WaitForAssertion(() => page.Find("[data-testid=version-status]").TextContent.ShouldBe("Dikembalikan"), Wait);
        page.FindAll("[data-testid=version-reason]").Select(Text).ShouldBe(["NILAI-TIDAK-WAJAR Nilai tidak wajar"]);
        Text(page.Find("[data-testid=version-note]")).ShouldBe("Catatan: Jumlah SDN 2 melonjak.");
        Text(page.Find("[data-testid=version-reviewer]")).ShouldStartWith("Rina (Walidata)");
        page.FindAll("[data-testid=review-form]").ShouldBeEmpty();
        page.FindAll("button[data-testid=review-approve]").ShouldBeEmpty();
    }

    [Fact]
    public void The_operator_of_a_submitted_version_sees_no_actions_either()
    {
        var page = RenderVersion(Operator, 2);

        page.WaitForAssertion(() => page.Find("[data-testid=version-status]").TextContent.ShouldBe("Menunggu pemeriksaan"), Wait);
        page.FindAll("[data-testid=review-form]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(99)]
    public void Another_opds_user_is_told_the_version_was_not_found_as_for_one_that_does_not_exist(int number)
    {
        var page = RenderVersion(OtherOperator, number);

        page.WaitForAssertion(() => page.Find("[data-testid=version-not-found]").TextContent.ShouldBe(ReviewErrors.VersionNotFound.Indonesian), Wait);
        page.FindAll("[data-testid=version-title]").ShouldBeEmpty();
        page.Markup.ShouldNotContain("SDN 1");
    }
}
