namespace Superapps.Letters.Domain.Drafting;

/// <summary>The kinds of outgoing official letters (naskah dinas) the portal drafts, each with its own standard layout.</summary>
public enum LetterKind
{
    /// <summary>Surat dinas: to other agencies and outside parties; letterhead, number block, "Yth." addressee.</summary>
    SuratDinas = 0,

    /// <summary>Nota dinas: internal, between officials; the "Yth./Dari/Tembusan/Tanggal/Nomor/Sifat/Lampiran/Hal" header.</summary>
    NotaDinas = 1,

    /// <summary>Surat undangan: an invitation, with day, date, time, place and agenda in the body.</summary>
    SuratUndangan = 2,

    /// <summary>Surat edaran: a circular, with a centred title "SURAT EDARAN NOMOR … TENTANG …".</summary>
    SuratEdaran = 3,

    /// <summary>Surat tugas: an assignment, with a centred title "SURAT TUGAS NOMOR …" and the people assigned.</summary>
    SuratTugas = 4,
}
