using Superapps.Letters.Contracts;
using Superapps.Letters.Domain;
using Superapps.Letters.Features.Registration;
using Superapps.SharedKernel;

namespace Superapps.Letters.Tests;

public sealed class RegistrationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Scans_are_recognised_by_their_content_not_their_name()
    {
        FileSniffer.ScanType("%PDF-1.7\n"u8).ShouldBe(FileSniffer.Pdf);
        FileSniffer.ScanType(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }).ShouldBe(FileSniffer.Jpeg);
        FileSniffer.ScanType(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }).ShouldBe(FileSniffer.Png);
        FileSniffer.ScanType("PK\u0003\u0004"u8).ShouldBeNull();
        FileSniffer.ScanType([]).ShouldBeNull();
    }

    [Fact]
    public void A_letter_needs_a_sender_number_subject_and_a_date_not_after_today_in_wib()
    {
        // 23 November 2026, 09.00 WIB: the 24th is tomorrow.
        var error = Should.Throw<DomainRuleException>(() => Letter.Register(Guid.NewGuid(), Guid.NewGuid(), LetterOrigin.Paper, " ", null, "", new DateOnly(2026, 11, 24),
            "", SecurityClass.Biasa, Urgency.Biasa, "", Guid.NewGuid(), "Kepala Dinas", Guid.NewGuid(), "Ahmad", Now));

        error.Errors.ShouldBe([LetterErrors.Sender, LetterErrors.SenderNumber, LetterErrors.Subject, LetterErrors.SenderDateInFuture, LetterErrors.Classification]);
    }

    [Fact]
    public void The_agenda_year_is_the_year_in_wib()
    {
        // 31 December 2026, 18.00 UTC is already 1 January 2027 in Jambi.
        var letter = Letter.Register(Guid.NewGuid(), Guid.NewGuid(), LetterOrigin.Paper, "Bappeda Provinsi", null, "005/123/BAPPEDA", new DateOnly(2026, 12, 30),
            "Undangan rapat", SecurityClass.Biasa, Urgency.Segera, "000.1.5", Guid.NewGuid(), "Kepala Dinas", Guid.NewGuid(), "Ahmad",
            new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.Zero));

        letter.AgendaYear.ShouldBe(2027);
    }
}
