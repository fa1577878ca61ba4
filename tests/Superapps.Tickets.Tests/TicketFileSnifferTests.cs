using Superapps.Tickets.Features.Attachments;

namespace Superapps.Tickets.Tests;

public sealed class TicketFileSnifferTests
{
    public static TheoryData<byte[], string?> Heads => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], TicketFileSniffer.Jpeg },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], TicketFileSniffer.Png },
        { "RIFF\0\0\0\0WEBPVP8 "u8.ToArray(), TicketFileSniffer.WebP },
        { "%PDF-1.7\n"u8.ToArray(), TicketFileSniffer.Pdf },
        { "RIFF\0\0\0\0WAVEfmt "u8.ToArray(), null },
        { "MZ\x90\0"u8.ToArray(), null },
        { "<svg xmlns="u8.ToArray(), null },
        { [], null },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void A_file_is_known_by_its_content(byte[] head, string? expected) => TicketFileSniffer.Sniff(head).ShouldBe(expected);

    [Theory]
    [InlineData("foto.JPG", null, true)]
    [InlineData("foto.bin", "image/png", true)]
    [InlineData("laporan.pdf", "application/pdf", false)]
    [InlineData("catatan.txt", "text/plain", false)]
    public void A_name_or_declared_type_claiming_a_photo_is_noticed(string name, string? type, bool claims) =>
        TicketFileSniffer.ClaimsImage(name, type).ShouldBe(claims);
}
