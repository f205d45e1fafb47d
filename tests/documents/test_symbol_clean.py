"""The Ký hiệu an editor types: shapes of Nghị định 30/2020/NĐ-CP, Phụ lục I, II.3."""

from django.test import SimpleTestCase

from documents.identity import SymbolError, code_parts_clean, symbol_clean


class SymbolCleanTests(SimpleTestCase):
    def test_valid_symbols_are_kept(self):
        cases = [
            ("KH-UBND", "admin"),
            ("UBND-VP", "admin"),
            ("TTr-SNV", "admin"),
            ("CT-TTg", "admin"),
            ("NĐ-CP", "qppl"),
            ("TTLT-BNV-VPCP", "qppl"),
            ("QH15", "qppl"),
            ("NQ-UBTVQH15", "admin"),
            ("CT/TW", "party"),
            ("QĐi/TW", "party"),
            ("QĐ/TWĐTN-VP", "party"),
        ]
        for symbol, family in cases:
            with self.subTest(symbol=symbol):
                self.assertEqual(symbol_clean(symbol, family=family), symbol)

    def test_obvious_variants_are_repaired(self):
        cases = [
            ("kh-ubnd", "admin", "KH-UBND"),
            ("KH UBND", "admin", "KH-UBND"),
            ("NĐ- CP", "qppl", "NĐ-CP"),
            ("KH\u2013UBND", "admin", "KH-UBND"),
            ("ttr-snv", "admin", "TTr-SNV"),
            ("TT/BNV", "qppl", "TT-BNV"),
            ("CT-TW", "party", "CT/TW"),
            ("NÐ-CP", "qppl", "NĐ-CP"),
            ("/KH-UBND", "admin", "KH-UBND"),
            (" KH-UBND ", None, "KH-UBND"),
            ("", "admin", ""),
        ]
        for raw, family, expected in cases:
            with self.subTest(raw=raw):
                self.assertEqual(symbol_clean(raw, family=family), expected)

    def test_a_number_is_refused_with_where_to_type_it(self):
        for raw, number, symbol in (
            ("45/KH-UBND", "45", "KH-UBND"),
            ("34-CT/TW", "34", "CT/TW"),
            ("98/2023/NĐ-CP", "98", "NĐ-CP"),
        ):
            with self.subTest(raw=raw), self.assertRaises(SymbolError) as caught:
                symbol_clean(raw, family="admin")
            message = str(caught.exception)
            self.assertIn(f"Nhập số vào ô Số ({number})", message)
            self.assertIn(symbol, message)
        with self.assertRaises(SymbolError) as caught:
            symbol_clean("45", family="admin")
        self.assertIn("Nhập số vào ô Số", str(caught.exception))
        with self.assertRaises(SymbolError) as caught:
            symbol_clean("KH-UBND-2025", family="admin")
        self.assertIn("nhập số vào ô Số", str(caught.exception))

    def test_other_shapes_are_refused_showing_the_expected_form(self):
        for raw in ("KH.UBND", "KH--UBND", "Kế hoạch", "KH_UBND", "KH-UBND (2025)"):
            with self.subTest(raw=raw), self.assertRaises(SymbolError) as caught:
                symbol_clean(raw, family="admin")
            self.assertIn("ví dụ KH-UBND", str(caught.exception))

    def test_number_from_one(self):
        self.assertEqual(
            code_parts_clean(0, "KH-UBND", "admin"),
            ("KH-UBND", {"number": "Số văn bản phải từ 1 trở lên."}),
        )
        self.assertEqual(code_parts_clean(1, "kh ubnd", "admin"), ("KH-UBND", {}))
