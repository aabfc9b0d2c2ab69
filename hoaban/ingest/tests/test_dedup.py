from hoaban.ingest.dedup import NearDuplicateIndex, from_bytes, signature, to_bytes

STORY = (
    "Bí thư Tỉnh ủy Trần Quốc Cường tiếp đoàn công tác của thành phố Saint Petersburg do ông "
    "Kalganov Vyacheslav Gennadievic dẫn đầu. Hai bên trao đổi về hợp tác trong các lĩnh vực "
    "nông nghiệp, lâm nghiệp, du lịch, năng lượng tái tạo và thu hút đầu tư. Tỉnh Điện Biên "
    "đang duy trì hai lớp học tiếng Nga cho 40 học sinh thuộc 19 dân tộc thiểu số; một số em "
    "sẽ tham gia trại hè giao lưu với học sinh thành phố Saint Petersburg."
)
EDITED = STORY.replace("trao đổi về", "bàn về").replace("thu hút đầu tư", "thu hút các nhà đầu tư")
OTHER = (
    "Ngân hàng Chính sách xã hội tỉnh Điện Biên đã giải ngân vốn vay ưu đãi cho hộ nghèo, hộ "
    "cận nghèo tại các huyện vùng cao Mường Chà, Tủa Chùa và Nậm Pồ để phát triển chăn nuôi, "
    "trồng cây ăn quả và làm nhà ở theo Nghị định số 28/2022/NĐ-CP."
)


def test_lightly_edited_copy_is_found_and_another_story_is_not(settings):
    index = NearDuplicateIndex()
    index.add(1, signature(STORY))
    key, similarity = index.find(signature(EDITED))
    assert key == 1 and settings.HOABAN_INGEST_NEAR_DUPLICATE_THRESHOLD <= similarity < 1
    assert index.find(signature(OTHER)) is None


def test_case_does_not_hide_a_copy():
    index = NearDuplicateIndex()
    index.add(1, signature(STORY))
    assert index.find(signature(STORY.upper()))[1] == 1.0


def test_signature_survives_storage():
    stored = from_bytes(to_bytes(signature(STORY)))
    assert stored.jaccard(signature(STORY)) == 1.0
