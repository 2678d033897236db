"""Leading from the front in Chromium: the teacher steps through a lesson on the projector while
three students answer on phones, a show of hands stands in for devices, and a pasted text is
keyed by the class. The projector never shows the key before Reveal, and a pasted text is text."""

from __future__ import annotations

from playwright.sync_api import expect

from support import PHONE, axe_violations, class_server, join_class, open_class_page

EXERCISE = "lesson-1-practice"
WAIT = {"timeout": 15000}  # students' pages ask every 5 s, the projector every 2 s
PROJECTOR = {"viewport": {"width": 1024, "height": 768}}


def open_projector(browser, url):
    teacher = open_class_page(browser.new_context(**PROJECTOR), url)
    teacher.get_by_role("link", name="Lead the lesson from the front").click()
    teacher.locator("[data-lead-source] option").nth(1).wait_for(state="attached")
    return teacher


def show(projector, title_start: str):
    source = projector.locator("[data-lead-source]")
    value = source.locator("option", has_text=title_start).first.get_attribute("value")
    source.select_option(value)
    projector.get_by_role("button", name="Show", exact=True).click()


def phones(browser, url, names):
    pages = []
    for name in names:
        page = browser.new_context(**PHONE).new_page()
        join_class(page, url, name)
        pages.append(page)
    return pages


def test_a_lesson_led_from_the_projector_with_three_phones(browser, site, tmp_path, module):
    exercise = module.exercises[EXERCISE]
    first, second = exercise.items[0], exercise.items[1]
    reasons = [first.feedback, *first.reasons.values()] if hasattr(first, "reasons") else [first.feedback]
    with class_server(site, tmp_path) as server:
        projector = open_projector(browser, server.url)
        assert axe_violations(projector) == []
        show(projector, "Lesson 1 practice")
        expect(projector.locator("[data-lead-where]")).to_have_text(
            f"{exercise.title}: question 1 of {len(exercise.items)}")
        expect(projector.locator("[data-lead-quote]")).to_have_text(first.quote)
        students = phones(browser, server.url, ["Ama", "Bo", "Chen"])
        for student, option in zip(students, ["b", "b", "a"]):
            offer = student.locator("[data-follow]")
            expect(offer).to_contain_text("question 1", **WAIT)
            offer.get_by_role("link", name="Go to it").tap()
            student.locator(f'[data-item="{first.id}"] input[value="{option}"]').tap()
        expect(projector.locator("[data-lead-answered]")).to_have_text(
            "3 students have answered.", **WAIT)
        bars = projector.locator("[data-lead-bars] li")
        expect(bars.filter(has_text=first.options[1].text)).to_contain_text("2 of 3")
        expect(bars.filter(has_text=first.options[0].text)).to_contain_text("1 of 3")
        html = projector.content()
        assert not any(reason in html for reason in reasons), "the key before Reveal"
        assert "the key's answer" not in html
        assert projector.locator("[data-lead-key]").is_hidden()
        assert axe_violations(projector) == []

        projector.keyboard.press("r")  # Reveal, by key
        key = projector.locator("[data-lead-key]")
        expect(key).to_contain_text(first.feedback)
        expect(bars.filter(has_text=first.options[1].text)).to_contain_text("(the key's answer)")
        assert axe_violations(projector) == []

        projector.keyboard.press("n")  # Next, by key
        expect(projector.locator("[data-lead-where]")).to_contain_text("question 2 of")
        expect(key).to_be_hidden()
        for student in students:
            expect(student.locator("[data-follow]")).to_contain_text("question 2", **WAIT)

        # No devices for this one: the teacher counts hands.
        projector.get_by_text("Show of hands", exact=True).click()
        for option, hands in zip(second.options, [3, 14, 6, 1]):
            projector.get_by_label(f"Hands for {option.text.rstrip('.')}").fill(str(hands))
        projector.get_by_role("button", name="Show these counts").click()
        expect(projector.locator("[data-lead-bars]")).to_contain_text("Show of hands: 24 in all.")
        expect(bars.filter(has_text=second.options[1].text)).to_contain_text("14 of 24")
        assert axe_violations(projector) == []
        projector.keyboard.press("ArrowLeft")  # back to the first question: its spread again
        expect(projector.locator("[data-lead-answered]")).to_have_text("3 students have answered.")
        for size in ({"width": 1024, "height": 768}, {"width": 1920, "height": 1080}):
            projector.set_viewport_size(size)  # the projectors of a classroom: nothing sideways
            assert projector.evaluate("document.documentElement.scrollWidth") <= size["width"]


def test_a_check_up_is_not_offered_on_the_projector(browser, site, tmp_path, module):
    with class_server(site, tmp_path) as server:
        projector = open_projector(browser, server.url)
        offered = projector.locator("[data-lead-source] option").all_inner_texts()
        checkups = [e.title for e in module.exercises.values() if e.assessment]
        assert checkups and not set(offered) & set(checkups)


HOSTILE = ("Our cream cures eczema in three days. It is 100% safe <script>window.ran = 1</script>.\n"
           "Doctors trust us <img src=x onerror=\"window.ran = 2\">. "
           "Read [our results](javascript:window.ran=3).\n")


def test_a_pasted_text_keyed_by_the_class(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        projector = open_projector(browser, server.url)
        projector.get_by_text("Paste a new text").click()
        projector.get_by_label("Its title").fill("An advert <b>for a cream</b>")
        projector.get_by_label("The text").fill(HOSTILE)
        projector.get_by_role("button", name="Number it and show it").click()
        text = projector.locator("[data-lead-text]")
        expect(text).to_contain_text("It is 100% safe <script>window.ran = 1</script>.")
        expect(projector.locator("[data-lead-where]")).to_have_text("An advert <b>for a cream</b>")
        students = phones(browser, server.url, ["Ama", "Bo", "Chen"])
        marks = [{"1": "Benefit", "2": "Safety"}, {"1": "Benefit"}, {"1": "Safety", "3": "Credibility"}]
        for student, given in zip(students, marks):
            student.locator("[data-follow]").get_by_role("link", name="Go to it").tap()
            offer = student.locator("[data-follow-text]")
            expect(offer).to_contain_text("Read [our results](javascript:window.ran=3).", **WAIT)
            for sentence, kind in given.items():
                offer.get_by_label(f"Sentence {sentence}: kind of claim").select_option(label=kind)
            expect(offer.get_by_role("status")).to_have_text("Your marks have reached your teacher.")
        first = text.locator("[data-sentence='s1']")
        expect(first).to_contain_text("Marked by 3: Benefit 2, Safety 1", **WAIT)
        expect(text.locator("[data-sentence='s4']")).to_contain_text("Marked by nobody.")
        assert axe_violations(projector) == []
        projector.get_by_role("button", name="Make the class's judgement the key").click()
        expect(first).to_contain_text("Key: Benefit")
        expect(text.locator("[data-sentence='s2']")).to_contain_text("Key: not a claim")
        expect(text).to_contain_text("1 of 1 claims found: 2 students")
        expect(students[2].locator("[data-follow-text]")).to_contain_text(
            "Against the key: 0 of 1 claims found", **WAIT)
        for page in [projector, *students]:
            assert page.evaluate("window.ran") is None  # nothing pasted ever ran
            scope = page.locator("[data-lead-text], [data-follow], [data-follow-text]")
            assert scope.locator("script, img, b").count() == 0
            assert scope.locator("a[href^='javascript']").count() == 0
