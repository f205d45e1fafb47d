"""Units compare as words: accents, case, tone placement, spacing and
punctuation folded, the unambiguous administrative abbreviations expanded."""

from documents.units import unit_key, unit_words


def test_abbreviations_and_their_full_forms_agree():
    full = unit_key("Ủy ban nhân dân xã Bản Bo")
    assert unit_key("UBND xã Bản Bo") == full
    assert unit_key("U.B.N.D xã Bản Bo") != full  # dotted letters are not read
    assert unit_key("Uỷ ban nhân dân, xã  Bản Bo.") == full
    assert unit_key("HĐND huyện Tam Đường") == unit_key(
        "Hội đồng nhân dân huyện Tam Đường"
    )
    assert unit_key("HTX chè Tả Lèng") == unit_key("Hợp tác xã chè Tả Lèng")
    assert unit_key("UBMTTQ xã Bình Lư") == unit_key(
        "Ủy ban Mặt trận Tổ quốc xã Bình Lư"
    )
    assert unit_key("TP Lai Châu") == unit_key("Thành phố Lai Châu")


def test_ambiguous_abbreviations_stay_as_written():
    assert unit_words("TT Tam Đường") == ["tt", "tam", "duong"]
    assert unit_words("Trường TH Bình Lư")[1] == "th"


def test_different_units_stay_different():
    assert unit_key("UBND xã Bản Bo") != unit_key("Hội đồng nhân dân xã Bản Bo")
    assert unit_key("Trường THCS Bình Lư") != unit_key("Trường THPT Bình Lư")
    assert unit_words("") == [] and unit_words(None) == []
