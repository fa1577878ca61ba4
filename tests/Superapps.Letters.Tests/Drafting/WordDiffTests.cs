using Superapps.Letters.Domain.Drafting;

namespace Superapps.Letters.Tests.Drafting;

public sealed class WordDiffTests
{
    private static string Show(IReadOnlyList<DiffSegment> diff) => string.Join(" ", diff.Select(s => s.Kind switch
    {
        DiffKind.Inserted => $"[+{s.Text}]",
        DiffKind.Deleted => $"[-{s.Text}]",
        _ => s.Text,
    }));

    [Theory]
    [InlineData("rapat pada hari Senin", "rapat pada hari Selasa", "rapat pada hari [-Senin] [+Selasa]")]
    [InlineData("mohon hadir tepat waktu", "mohon hadir", "mohon hadir [-tepat waktu]")]
    [InlineData("mohon hadir", "mohon dengan hormat hadir", "mohon [+dengan hormat] hadir")]
    [InlineData("", "isi baru", "[+isi baru]")]
    [InlineData("isi lama", "", "[-isi lama]")]
    [InlineData("a b c d", "a x c y", "a [-b] [+x] c [-d] [+y]")]
    public void Words_are_marked_inserted_deleted_or_unchanged(string before, string after, string expected) =>
        Show(WordDiff.Compute(before, after)).ShouldBe(expected);

    [Fact]
    public void Equal_texts_are_one_unchanged_segment_whatever_the_whitespace() =>
        WordDiff.Compute("Dengan  hormat,\nkami", "Dengan hormat, kami").ShouldBe([new DiffSegment(DiffKind.Unchanged, "Dengan hormat, kami")]);

    [Fact]
    public void Both_sides_can_be_rebuilt_from_the_segments()
    {
        var before = "Sehubungan dengan rencana pembangunan pusat data kota kami mohon dukungan anggaran tahun 2027";
        var after = "Sehubungan dengan rencana pembangunan pusat data dan jaringan kota kami mohon dukungan tahun anggaran 2027 dan 2028";

        var diff = WordDiff.Compute(before, after);

        string.Join(' ', diff.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)).ShouldBe(before);
        string.Join(' ', diff.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)).ShouldBe(after);
        diff.Count(s => s.Kind == DiffKind.Unchanged).ShouldBeGreaterThan(2);
    }
}
