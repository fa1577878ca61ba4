using Bunit;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Retention;
using Superapps.Letters.Pages;
using Superapps.Letters.Pages.Archive.Components;
using Superapps.Testing;

namespace Superapps.Letters.Tests.Components;

/// <summary>A destroyed letter's page says so: when, under which berita acara, by whom and why; and a copy reads "Tembusan".</summary>
public sealed class DestroyedLetterNoticeTests : SuperappsComponentTest
{
    private static readonly LetterDestruction Destroyed = new(new DateOnly(2032, 11, 20), "BA-PMS/07/2032", "Siti Rahma",
        new DateTimeOffset(2032, 11, 20, 3, 15, 0, TimeSpan.Zero), "Tidak bernilai guna lagi");

    [Fact]
    public void The_notice_names_the_decision_its_date_who_decided_and_why_in_Indonesian_and_English()
    {
        var cut = Render<DestroyedLetterNotice>(p => p.Add(x => x.Destruction, Destroyed));

        var notice = cut.Find("[data-testid=letter-destroyed]");
        notice.TextContent.ShouldContain("Surat ini telah dimusnahkan");
        var detail = cut.Find("[data-testid=letter-destroyed-detail]").TextContent;
        detail.ShouldContain("BA-PMS/07/2032");
        detail.ShouldContain("Siti Rahma");
        detail.ShouldContain("2032");
        detail.ShouldContain("10.15"); // 03:15 UTC is 10.15 WIB
        cut.Find("[data-testid=letter-destroyed-reason]").TextContent.ShouldContain("Tidak bernilai guna lagi");

        UseEnglish();
        var english = Render<DestroyedLetterNotice>(p => p.Add(x => x.Destruction, Destroyed with { Reason = null }));
        english.Find("[data-testid=letter-destroyed]").TextContent.ShouldContain("This letter was destroyed");
        english.Find("[data-testid=letter-destroyed-detail]").TextContent.ShouldContain("decided by Siti Rahma");
        english.FindAll("[data-testid=letter-destroyed-reason]").ShouldBeEmpty();
    }

    [Fact]
    public void A_copy_reads_Tembusan_and_an_addressed_letter_Kepada()
    {
        LetterLabels.Of(RecipientKind.Cc).ShouldBe("Tembusan");
        LetterLabels.Of(RecipientKind.To).ShouldBe("Kepada");
        LetterLabels.Copy.ShouldBe("Tembusan");
        UseEnglish();
        LetterLabels.Of(RecipientKind.Cc).ShouldBe("Copy");
        LetterLabels.Of(RecipientKind.To).ShouldBe("To");
    }
}
