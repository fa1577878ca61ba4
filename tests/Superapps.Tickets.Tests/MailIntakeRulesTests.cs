using Superapps.Tickets.Contracts;
using Superapps.Tickets.Features.MailIntake;

namespace Superapps.Tickets.Tests;

/// <summary>What an e-mail's words suggest as the category, and the text of an HTML body.</summary>
public sealed class MailIntakeRulesTests
{
    [Theory]
    [InlineData("Internet mati sejak pagi", null, TicketCategory.InternetDown)]
    [InlineData("Gangguan", "Jaringan tidak terkoneksi di kantor kelurahan", TicketCategory.InternetDown)]
    [InlineData("Kabel FO putus di depan kantor", null, TicketCategory.FibreCut)]
    [InlineData("Fiber optik putus kena galian", "internet mati", TicketCategory.FibreCut)]
    [InlineData("Internet lambat sekali", null, TicketCategory.Slow)]
    [InlineData("koneksi lemot", null, TicketCategory.Slow)]
    [InlineData("WiFi ruang rapat tidak bisa dipakai", null, TicketCategory.WiFi)]
    [InlineData("Switch LAN lantai 2 rusak", null, TicketCategory.Lan)]
    [InlineData("Server aplikasi kepegawaian tidak bisa diakses", null, TicketCategory.ServerOrDataCentre)]
    [InlineData("Aplikasi e-office error", null, TicketCategory.Application)]
    [InlineData("Mohon bantuan", "Printer macet", TicketCategory.Other)]
    public void Keywords_suggest_the_category(string subject, string? body, TicketCategory expected) => MailCategories.Of(subject, body).ShouldBe(expected);

    [Fact]
    public void Words_that_merely_contain_a_keyword_do_not_count()
    {
        // "kelurahan" holds "lan", "pelantikan" holds "lan": neither is a LAN problem.
        MailCategories.Of("Undangan pelantikan di kelurahan", null).ShouldBe(TicketCategory.Other);
    }

    [Fact]
    public void Html_becomes_readable_text()
    {
        var text = HtmlText.Convert("<html><head><style>p{color:red}</style></head><body><p>Internet&nbsp;mati</p><div>Sejak <b>08.00</b> WIB</div>"
            + "<script>alert(1)</script><ul><li>Ruang&amp;Lobi</li></ul></body></html>");

        text.ShouldBe("Internet mati\n\nSejak 08.00 WIB\n\nRuang&Lobi");
    }
}
