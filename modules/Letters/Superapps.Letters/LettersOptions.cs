using System.ComponentModel.DataAnnotations;

namespace Superapps.Letters;

/// <summary>Settings of the Letters module (section <c>Superapps:Letters</c>).</summary>
public sealed class LettersOptions
{
    public const string Section = "Superapps:Letters";

    /// <summary>The largest scan, attachment or voice note accepted, in bytes (default 25 MB). Larger uploads are refused before they are read.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>
    /// With the demo data, also a few demo letters in the demo city's Diskominfo (the development host turns this on;
    /// tests do not, so their agendas start empty).
    /// </summary>
    public bool SeedDemoLetters { get; set; }

    /// <summary>The upper line of every OPD's letterhead (kop surat), e.g. "PEMERINTAH KOTA JAMBI".</summary>
    [Required]
    [StringLength(120)]
    public string Government { get; set; } = "PEMERINTAH KOTA";

    /// <summary>The place of outgoing letters' date line, e.g. "Jambi".</summary>
    [Required]
    [StringLength(60)]
    public string Place { get; set; } = "Kota";
}
