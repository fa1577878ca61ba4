using Superapps.Organization.Domain;
using Superapps.SharedKernel;

namespace Superapps.Organization.Tests;

public sealed class NipTests
{
    [Fact]
    public void A_valid_nip_yields_its_parts()
    {
        var nip = Nip.Parse("198503152010011002");

        nip.BirthDate.ShouldBe(new DateOnly(1985, 3, 15));
        nip.AppointedMonth.ShouldBe(new DateOnly(2010, 1, 1));
        nip.Sex.ShouldBe(Sex.Male);
        nip.Sequence.ShouldBe(2);
        nip.Formatted.ShouldBe("19850315 201001 1 002");
    }

    [Fact]
    public void Spaces_as_printed_on_letters_are_accepted()
    {
        Nip.Parse("19850315 201001 2 010").Sex.ShouldBe(Sex.Female);
    }

    [Theory]
    [InlineData("", "organization.nip.format")]
    [InlineData("19850315201001100", "organization.nip.format")]
    [InlineData("1985031520100110022", "organization.nip.format")]
    [InlineData("19850315201001100A", "organization.nip.format")]
    [InlineData("198502302010011002", "organization.nip.birth-date")]
    [InlineData("198513152010011002", "organization.nip.birth-date")]
    [InlineData("198503152010131002", "organization.nip.appointment-date")]
    [InlineData("198503152010001002", "organization.nip.appointment-date")]
    [InlineData("198503152001011002", "organization.nip.appointment-age")]
    [InlineData("198503152010013002", "organization.nip.sex")]
    [InlineData("198503152010011000", "organization.nip.sequence")]
    public void An_invalid_nip_is_rejected_with_the_reason(string input, string code)
    {
        Nip.TryParse(input, out var nip, out var error).ShouldBeFalse();

        nip.ShouldBeNull();
        error.ShouldNotBeNull().Code.ShouldBe(code);
        error.Indonesian.ShouldNotBeNullOrWhiteSpace();
        error.English.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_leap_day_birth_date_is_real_only_in_a_leap_year()
    {
        Nip.TryParse("198402292010011002", out _, out _).ShouldBeTrue();
        Nip.TryParse("198502292010011002", out _, out var error).ShouldBeFalse();
        error!.Code.ShouldBe("organization.nip.birth-date");
    }

    [Fact]
    public void Compose_round_trips()
    {
        var nip = Nip.Compose(new DateOnly(1990, 12, 31), new DateOnly(2015, 2, 1), Sex.Female, 7);

        nip.Value.ShouldBe("199012312015022007");
    }

    [Theory]
    [InlineData("1571010101900001", "1571010101900001")]
    [InlineData(" ", null)]
    public void Nik_accepts_sixteen_digits(string input, string? expected)
    {
        Nik.Normalize(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData("157101010190000")]
    [InlineData("0000000000000000")]
    [InlineData("15710101019000AB")]
    public void Nik_rejects_anything_else(string input)
    {
        Should.Throw<DomainRuleException>(() => Nik.Normalize(input)).Error.Code.ShouldBe("organization.nik.format");
    }
}
