#!/usr/bin/env python3
"""Generate the bundled sample CVs and vacancies for skillfit.

Run from anywhere:

    python sample_docs/make_samples.py          # (re)generate everything
    python sample_docs/make_samples.py --check  # generate twice, compare hashes, validate

Everything is deterministic: no randomness, fixed metadata dates, reportlab
``invariant=1`` for PDFs and DOCX zip entries rewritten with a fixed timestamp.
The script writes only inside the directory that contains it
(``cvs/``, ``vacancies/`` and ``manifest.json``), which it wipes first.

All people, companies, addresses, phone numbers and e-mail addresses are
fictional (example.com / example.be / example.nl / example.org / example.net).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import shutil
import sys
import textwrap
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
)

HERE = Path(__file__).resolve().parent
CV_DIR = HERE / "cvs"
VAC_DIR = HERE / "vacancies"
MANIFEST = HERE / "manifest.json"

FIXED_DATE = dt.datetime(2024, 3, 1, 9, 0, 0)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
GENERATOR = "skillfit make_samples.py"

# Soft hyphen: reportlab breaks a word here (printing "-") only when the word
# straddles the end of a line, otherwise the character disappears.
SHY = "\u00ad"

# --------------------------------------------------------------------------
# Content model
#
# A document is a dict with a name/title, optional header lines and a list of
# sections: (heading, [block, ...]).  Blocks:
#   ("p", text)                  paragraph
#   ("ul", [text, ...])          bullet list
#   ("role", title, dates)       job / education line with dates
#   ("lines", [text, ...])       short lines without bullets (languages, contact)
#   ("table", header, rows)      table (DOCX renders a real table)
# --------------------------------------------------------------------------


def sec(heading, *blocks):
    return (heading, list(blocks))


# ============================== CVs =======================================

CV_SOPHIE = {
    "file": "cv_en_sophie_janssens_python_developer.pdf",
    "lang": "en", "country": "BE", "profession": "software developer (Python/data)",
    "name": "Sophie Janssens",
    "headline": "Python & Data Developer",
    "sidebar": [
        sec("Contact", ("lines", [
            "Voorbeeldstraat 12", "9000 Gent, Belgium", "+32 470 00 11 22",
            "sophie.janssens@example.com", "linkedin.com/in/sophie-example",
        ])),
        sec("Skills", ("ul", [
            "Python (6 years)", "pandas & NumPy", "SQL / PostgreSQL", "FastAPI & Flask",
            "pytest", "Git & GitHub Actions", "Docker", "Apache Airflow",
            "Azure (Data Factory, Functions)", "Power BI",
        ])),
        sec("Soft skills", ("ul", [
            "Problem solving", "Attention to detail", "Team player",
            "Clear communication", "Mentoring",
        ])),
        sec("Languages", ("lines", [
            "Dutch: native", "English: fluent (C1)", "French: good (B2)",
        ])),
        sec("Certificates", ("lines", [
            "Microsoft Certified: Azure Data Engineer Associate (2022)",
            "Driving licence B",
        ])),
        sec("Hobbies", ("p", "Running, bouldering and coaching kids at a local CoderDojo.")),
    ],
    "sections": [
        sec("Profile", ("p",
            "Python developer with five years of professional experience building data "
            "pipelines, APIs and reporting tools for retail and logistics companies. I like "
            "turning messy operational data into reliable, well-tested products and explaining "
            "technical choices to business users. Colleagues describe me as a calm team player "
            "with a strong eye for detail who enjoys problem solving and works well under "
            "pressure during production incidents.")),
        sec("Experience",
            ("role", "Data Engineer \u2013 Brightlane Retail Analytics, Gent", "March 2021 \u2013 present"),
            ("ul", [
                "Built and maintain more than 40 data pipelines in Python and Apache Airflow that "
                "load sales and stock data into a PostgreSQL data warehouse.",
                "Developed a FastAPI service that delivers daily demand forecasts to twelve retail customers.",
                "Introduced pytest and GitHub Actions; test coverage of our core libraries rose from 20% to 85%.",
                "Containerised all services with Docker and moved them to Azure Container Apps.",
                "Mentor two junior developers and organise weekly code reviews.",
                "Work with data analysts to translate business questions into SQL models, documented in the team wiki.",
            ]),
            ("role", "Junior Python Developer \u2013 Scheldt Logistics Software, Antwerpen",
             "September 2019 \u2013 February 2021"),
            ("ul", [
                "Wrote ETL jobs with pandas and SQL for route planning and fleet data.",
                "Built internal web tools with Flask on top of a MySQL database.",
                "Designed Power BI dashboards for the operations team.",
            ]),
            ("role", "Data Intern \u2013 City of Ghent, Data & Information department",
             "February 2019 \u2013 June 2019"),
            ("ul", [
                "Cleaned and published open data sets with Python for the city's open data portal.",
            ]),
        ),
        sec("Education",
            ("role", "Master of Science in Computer Science Engineering", "Ghent University, 2014 \u2013 2019"),
            ("p", "Master's thesis: forecasting parking occupancy with gradient boosting models. "
                  "Bachelor project: a Flask web application for booking student rooms."),
        ),
    ],
}

CV_PIETER = {
    "file": "cv_nl_be_pieter_de_vos_data_analist.pdf",
    "lang": "nl", "country": "BE", "profession": "data analyst",
    "name": "Pieter De Vos",
    "headline": "Data-analist",
    "sidebar": [
        sec("Contact", ("lines", [
            "Teststraat 5 bus 2", "2800 Mechelen", "gsm: 0470 00 33 44",
            "pieter.devos@example.be", "\u00b014/05/1993", "Rijbewijs B",
        ])),
        sec("Vaardigheden", ("ul", [
            "SQL (SQL Server, MySQL)", "Power BI (DAX, Power Query)",
            "Excel (draaitabellen, VBA)", "Python (pandas) \u2013 2 jaar", "Tableau",
            "Git (basis)", "Datamodellering",
        ])),
        sec("Persoonlijk", ("ul", [
            "Analytisch denken", "Probleemoplossend", "Nauwkeurig",
            "Communicatieve vaardigheden", "Teamspeler",
        ])),
        sec("Talenkennis", ("lines", [
            "Nederlands: moedertaal", "Frans: goed", "Engels: vloeiend", "Duits: basis",
        ])),
        sec("Hobby's", ("p", "Wielrennen, bordspellen en trainer bij de jeugdvoetbalclub van mijn dorp.")),
    ],
    "sections": [
        sec("Profiel", ("p",
            "Data-analist met zes jaar ervaring in de verzekeringssector en retail. Ik vertaal "
            "bedrijfsvragen naar heldere analyses en dashboards in Power BI en SQL. De voorbije "
            "twee jaar automatiseerde ik steeds meer rapporteringen met Python en pandas. Nu wil "
            "ik de stap zetten naar een rol als data developer in een internationaal team, waar "
            "ik mijn kennis van data en business kan combineren met software engineering. Ik ben "
            "leergierig, analytisch sterk en een echte teamspeler. Ik werk gestructureerd en documenteer "
            "mijn werk zodat collega's het makkelijk kunnen overnemen.")),
        sec("Werkervaring",
            ("role", "Data-analist \u2013 Verzekeringen Noorderkempen, Antwerpen", "01/2020 \u2013 heden"),
            ("ul", [
                "Bouw en onderhoud 25 Power BI-rapporten voor directie, sales en schadebeheer (DAX, Power Query).",
                "Schrijf complexe SQL-queries en stored procedures op een SQL Server-datawarehouse.",
                "Automatiseerde de maandelijkse schaderapportering met Python en pandas: twee werkdagen "
                "tijdwinst per maand.",
                "Werk dagelijks samen met business en IT en presenteer resultaten aan het management.",
                "Zette samen met IT een Git-repository en code reviews op voor alle rapporteringsscripts.",
                "Gaf interne opleidingen Power BI aan 30 collega's van finance en sales.",
            ]),
            ("role", "Rapporteringsmedewerker \u2013 Retailgroep Dijleland, Leuven", "09/2017 \u2013 12/2019"),
            ("ul", [
                "Maakte wekelijkse verkooprapporten in Excel (VBA, draaitabellen) en Tableau.",
                "Beheerde de productmasterdata in een MySQL-databank en bewaakte de datakwaliteit.",
                "Automatiseerde de import van kassadata met Power Query.",
                "Ondersteunde winkelmanagers bij vragen over cijfers en rapporten.",
            ]),
        ),
        sec("Opleiding",
            ("role", "Master Handelsingenieur in de beleidsinformatica", "KU Leuven, 2012 \u2013 2017"),
            ("role", "Online cursus \u201cPython for Data Analysis\u201d", "2021"),
        ),
        sec("Projecten", ("ul", [
            "Churnmodel voor autoverzekeringen in Python (scikit-learn) als proof of concept voor de directie.",
            "Migratie van 40 Excel-rapporten naar \u00e9\u00e9n Power BI-datamodel met centrale KPI-definities.",
        ])),
        sec("Certificaten",
            ("p", "Microsoft Certified: Power BI Data Analyst Associate (PL-300), 2022."),
        ),
    ],
}

CV_LUCAS = {
    "file": "cv_en_lucas_vermeulen_frontend_developer.docx",
    "lang": "en", "country": "NL", "profession": "software developer (front-end, junior)",
    "name": "Lucas Vermeulen",
    "headline": "Junior Front-end Developer",
    "contact": [
        "Voorbeeldweg 21, 3011 AB Rotterdam, the Netherlands",
        "06-98765432 | lucas.vermeulen@example.org | github.com/lucas-vermeulen-example",
    ],
    "sections": [
        sec("Profile", ("p",
            "Creative junior front-end developer with one and a half years of experience building "
            "responsive web applications with React and TypeScript. I graduated in ICT & Software "
            "Engineering at Rotterdam University of Applied Sciences (HBO) in 2022. I learn quickly, "
            "enjoy working in an agile team and care about accessible, user-friendly interfaces. I "
            "have used Python for small scripts during my studies and I am curious to learn more "
            "about back-end and data development. I am looking for a role where I can grow into a "
            "full-stack developer.")),
        sec("Work experience",
            ("role", "Front-end Developer \u2013 Pixelhaven Digital Agency, Rotterdam", "September 2022 \u2013 present"),
            ("ul", [
                "Build responsive websites and web shops in React, TypeScript and Next.js for clients in retail and culture.",
                "Translate Figma designs into reusable components and write unit tests with Jest.",
                "Work in a Scrum team of six; take part in sprint planning, stand-ups and retrospectives.",
                "Improved the accessibility score (WCAG 2.1) of three client websites.",
                "Connect front-ends to REST APIs and occasionally fix small bugs in the Node.js back-end.",
            ]),
            ("role", "Intern Web Development \u2013 Havenstad Software, Schiedam", "February 2022 \u2013 July 2022"),
            ("ul", [
                "Developed a dashboard for ship arrival times with Vue.js and a small Node.js API.",
                "Wrote Python scripts to clean CSV exports before they were imported into the database.",
                "Presented the final product to the management team and wrote the technical documentation.",
            ]),
            ("role", "Part-time sales assistant \u2013 electronics store, Rotterdam", "2018 \u2013 2022"),
            ("ul", [
                "Advised customers on laptops and smartphones; learned to stay friendly and calm on busy Saturdays.",
            ]),
        ),
        sec("Education",
            ("role", "Bachelor ICT & Software Engineering (HBO)",
             "Rotterdam University of Applied Sciences, 2018 \u2013 2022"),
            ("role", "HAVO, profile Nature & Technology", "Rotterdam, 2013 \u2013 2018"),
            ("p", "Currently following the online course \u201cPython for Everybody\u201d in the evenings."),
        ),
        sec("Skills",
            ("ul", [
                "Front-end: JavaScript, TypeScript, React, Next.js, Vue.js, HTML5, CSS3, Sass",
                "Back-end: Node.js (Express), basic Python, basic SQL (MySQL)",
                "Tools: Git, GitHub, Jira, Figma, Jest, Visual Studio Code",
                "Soft skills: creative, eager to learn, team player, good communication skills",
            ]),
        ),
        sec("Languages", ("lines", ["Dutch: native", "English: fluent", "German: basic"])),
        sec("Hobbies", ("p", "Photography, building small games in Godot, playing football on Sundays and "
                              "volunteering at a repair caf\u00e9 once a month.")),
    ],
}

CV_AN = {
    "file": "cv_nl_be_an_claes_verpleegkundige.docx",
    "lang": "nl", "country": "BE", "profession": "nurse (verpleegkundige)",
    "name": "An Claes",
    "headline": "Bachelor verpleegkunde \u2013 verpleegkundige heelkunde",
    # contact details live ONLY in the page header of this DOCX
    "page_header": "An Claes  |  Verpleegkundige  |  Voorbeeldplein 3, 2440 Geel  |  "
                   "gsm 0470 00 55 66  |  an.claes@example.be",
    "contact": ["Geboortedatum: 02/09/1998 \u2013 Nationaliteit: Belg \u2013 Rijbewijs B, eigen wagen"],
    "sections": [
        sec("Profiel", ("p",
            "Enthousiaste en empathische verpleegkundige met vier jaar ervaring op een chirurgische "
            "afdeling. Ik haal voldoening uit kwaliteitsvolle, patiëntgerichte zorg en hecht veel "
            "belang aan hygiëne en patiëntveiligheid. Ik ben stressbestendig, werk nauwkeurig en ben "
            "een echte teamspeler. Na enkele jaren heelkunde wil ik me verder verdiepen in de interne "
            "geneeskunde en de zorg voor chronisch zieke patiënten, zoals patiënten met diabetes. "
            "Ik communiceer open met patiënten, familie en collega's.")),
        sec("Werkervaring",
            ("role", "Verpleegkundige heelkunde \u2013 AZ Kempenland (fictief), Geel", "09/2020 \u2013 heden"),
            ("ul", [
                "Totaalzorg voor 8 tot 10 patiënten per dienst in een wisselend uurrooster (vroege, late en nachtdiensten).",
                "Medicatie toedienen en opvolgen, inclusief intraveneuze therapie en pijnpompen.",
                "Complexe wondzorg, waaronder VAC-therapie en stomazorg.",
                "Plaatsen van infusen en blaassondes, bloedafnames en pre- en postoperatieve zorg.",
                "Verpleegkundige dossiervoering in het elektronisch patiëntendossier (KWS).",
                "Begeleiding van stagiairs verpleegkunde als mentor.",
                "Educatie van patiënten bij ontslag, bijvoorbeeld over wondverzorging thuis en medicatiegebruik.",
                "Deelname aan het projectteam valpreventie van de afdeling.",
                "Deelname aan het multidisciplinair overleg met artsen, kinesitherapeuten en de sociale dienst.",
            ]),
            ("role", "Jobstudent zorgkundige \u2013 Woonzorgcentrum Hof ter Voorbeeld, Mol", "zomers 2018 \u2013 2019"),
            ("ul", [
                "Hulp bij ADL-zorg, maaltijdbegeleiding en animatie voor bewoners met dementie.",
                "Rapporteren van observaties aan de verpleegkundige van dienst.",
            ]),
        ),
        sec("Stages", ("ul", [
            "Interne geneeskunde, AZ Kempenland (10 weken, 2020)",
            "Geriatrie, Sint-Voorbeeldziekenhuis Turnhout (8 weken, 2019)",
            "Thuisverpleging, Wit-Gele Voorbeeldkruis (6 weken, 2018)",
        ]), ("p", "Stagebeoordelingen: zeer goed tot uitstekend.")),
        sec("Opleiding",
            ("role", "Bachelor in de verpleegkunde", "UCLL, campus Gasthuisberg, Leuven \u2013 2017 \u2013 2020 (onderscheiding)"),
            ("role", "Postgraduaat wondzorg", "Thomas More, Geel \u2013 2022"),
            ("role", "Secundair onderwijs: Wetenschappen-Wiskunde", "Sint-Voorbeeldinstituut, Geel \u2013 2017"),
        ),
        sec("Vaardigheden", ("ul", [
            "Wondzorg en stomazorg",
            "Medicatie toedienen en IV-therapie",
            "Bloedafname en infuus plaatsen",
            "Pre- en postoperatieve zorg",
            "Begeleiden van studenten",
            "Elektronisch patiëntendossier (KWS), MS Office",
            "Stressbestendig, empathisch, teamspeler, communicatieve vaardigheden",
        ])),
        sec("Bijscholingen", ("ul", [
            "Pijnbeleid en pijnmeting (2021)",
            "Diabeteseducatie voor verpleegkundigen (2023)",
            "Palliatieve zorg: basisopleiding (2022)",
        ])),
        sec("Talenkennis", ("lines", ["Nederlands: moedertaal", "Frans: goed", "Engels: vloeiend"])),
        sec("Certificaten", ("ul", [
            "RIZIV-visum verpleegkundige",
            "BLS-certificaat (reanimatie), 2023",
            "Rijbewijs B",
        ])),
        sec("Hobby's", ("p", "Yoga, koken voor vrienden, wandelen in de Kempen en leiding bij de scouts "
                              "(2014 \u2013 2019).")),
    ],
}

CV_ZOE = {
    "file": "cv_nl_be_zoe_maes_zorgkundige_cp1252.txt",
    "lang": "nl", "country": "BE", "profession": "care assistant (zorgkundige)",
    "name": "Zoë Maes",
    "headline": "Zorgkundige",
    "contact": [
        "Adres: Voorbeeldlaan 8, 3500 Hasselt",
        "Gsm: 0470 00 77 88",
        "E-mail: zoe.maes@example.be",
        "Geboortedatum: 21/03/1999",
        "Rijbewijs B",
    ],
    "sections": [
        sec("Profiel", ("p",
            "Warme en geduldige zorgkundige met vijf jaar ervaring in de ouderenzorg. Ik werk graag "
            "met mensen en heb oog voor de kleine dingen die het verschil maken voor bewoners en "
            "patiënten. Bewoners en hun familie zeggen vaak dat ik rust breng op de afdeling. "
            "Ik ben stressbestendig, flexibel en een teamspeler. Sinds september 2023 "
            "volg ik \u2019s avonds de opleiding gegradueerde verpleegkunde (HBO5), omdat ik graag "
            "meer verpleegtechnische handelingen wil uitvoeren. Ik ben vooral geïnteresseerd in "
            "geriatrie en palliatieve zorg.")),
        sec("Werkervaring",
            ("role", "Zorgkundige \u2013 Woonzorgcentrum De Voorbeeldhoeve, Hasselt", "09/2019 \u2013 heden"),
            ("ul", [
                "Basiszorg en ADL-ondersteuning voor 30 bewoners, waarvan 12 met dementie.",
                "Medicatie klaarzetten en toedienen onder toezicht van de verpleegkundige.",
                "Eenvoudige wondzorg en parameters meten (bloeddruk, pols, temperatuur, glycemie).",
                "Observeren en rapporteren in het zorgdossier; deelnemen aan het multidisciplinair overleg.",
                "Coördinatie van de animatie-activiteiten op de afdeling.",
                "Aanspreekpunt voor familieleden bij vragen over de dagelijkse verzorging.",
                "Meewerken aan het project \u2018warme maaltijd\u2019 voor bewoners met slikproblemen.",
            ]),
            ("role", "Logistiek assistent \u2013 Ziekenhuis Voorbeeld-Limburg, Genk", "07/2018 \u2013 08/2019"),
            ("ul", ["Maaltijden rondbrengen, bedden opmaken en patiënten begeleiden naar onderzoeken.",
                    "Helpen bij het klaarzetten van kamers voor nieuwe opnames."]),
            ("role", "Jobstudent \u2013 Café \u2019t Hoekske, Hasselt", "2016 \u2013 2018"),
            ("ul", ["Bediening, kassa en klantencontact; leren werken onder druk op drukke avonden."]),
        ),
        sec("Opleiding",
            ("role", "Gegradueerde verpleegkunde (HBO5), avondonderwijs \u2013 Sint-Voorbeeldinstituut, Hasselt",
             "2023 \u2013 heden"),
            ("role", "7de specialisatiejaar Thuis- en bejaardenzorg / zorgkundige \u2013 Technisch Instituut "
             "Sint-Voorbeeld, Hasselt", "2015 \u2013 2018"),
        ),
        sec("Vaardigheden", ("ul", [
            "Basiszorg en hygiënische zorg",
            "Medicatie toedienen (onder toezicht)",
            "Eenvoudige wondzorg",
            "Parameters meten",
            "Omgaan met personen met dementie",
            "Transfers en tilhulpmiddelen",
            "Communicatieve vaardigheden, geduldig, empathisch, klantgericht",
            "Computer: Word, Outlook en het elektronisch zorgdossier",
        ])),
        sec("Bijscholingen", ("ul", [
            "Palliatieve zorg in het woonzorgcentrum (2021)",
            "Valpreventie en veilig tillen (2022)",
            "Omgaan met agressie en onrust bij dementie (2023)",
        ])),
        sec("Talenkennis", ("lines", ["Nederlands: moedertaal", "Frans: basis", "Engels: goed"])),
        sec("Certificaten", ("ul", [
            "Registratie als zorgkundige (Departement Zorg)",
            "EHBO-attest (2022)",
            "Rijbewijs B",
        ])),
        sec("Extra info", ("p",
            "Ik ben beschikbaar voor vroege, late en weekenddiensten. Na mijn opleiding hoop ik als "
            "verpleegkundige te starten in een ziekenhuis of in de thuisverpleging.")),
        sec("Hobby\u2019s", ("p", "Zingen in een koor, wandelen met onze hond en naaien. Referenties op aanvraag.")),
    ],
}

CV_SANNE = {
    "file": "cv_nl_nl_sanne_de_vries_boekhouder.docx",
    "lang": "nl", "country": "NL", "profession": "bookkeeper (boekhouder)",
    "name": "Sanne de Vries",
    "headline": "Boekhouder",
    "contact": [
        "Voorbeeldsingel 14, 3811 AB Amersfoort | 06-12345678 | sanne.devries@example.nl",
        "Geboren: 7 juni 1991 | Rijbewijs B",
    ],
    "sections": [
        sec("Profiel", ("p",
            "Nauwkeurige en klantgerichte boekhouder met ruim zes jaar ervaring op een "
            "administratiekantoor en bij een bouwbedrijf. Ik voer zelfstandig complete administraties "
            "voor mkb-klanten, van het boeken van facturen tot en met de btw-aangifte en de "
            "voorbereiding van de jaarrekening. Ik ben cijfermatig sterk, werk gestructureerd en houd "
            "van duidelijke afspraken met klanten. Ik zoek een kantoor waar ik een vaste "
            "klantenportefeuille kan uitbouwen en kan doorgroeien richting de samenstelpraktijk.")),
        sec("Werkervaring",
            ("role", "Boekhouder \u2013 Administratiekantoor De Eemvallei (fictief), Amersfoort", "april 2019 \u2013 heden"),
            ("ul", [
                "Voer de volledige financiële administratie voor een portefeuille van 55 mkb-klanten in Exact Online en Twinfield.",
                "Verzorg maandelijks en per kwartaal de btw-aangiften en de opgaven ICP.",
                "Stel kwartaalrapportages op en bereid de jaarafsluiting voor in samenwerking met de accountant.",
                "Ben eerste aanspreekpunt voor klanten en verbeterde de factuurverwerking door scan- en herkensoftware in te voeren.",
                "Werk nieuwe collega's in en beantwoord hun vragen over Exact Online en de btw.",
            ]),
            ("role", "Junior administratief medewerker \u2013 Bouwbedrijf Gebroeders Voorbeeld BV, Nijkerk",
             "september 2016 \u2013 maart 2019"),
            ("ul", [
                "Boekte inkoop- en verkoopfacturen en verwerkte bankmutaties in AFAS.",
                "Controleerde urenstaten en ondersteunde bij de salarisadministratie.",
                "Beheerde de debiteurenadministratie en belde klanten na over openstaande posten.",
                "Maakte maandelijkse overzichten van openstaande posten voor de directie.",
            ]),
        ),
        sec("Opleiding",
            ("role", "HBO Bedrijfseconomie (deeltijd) \u2013 Hogeschool Utrecht", "2017 \u2013 2021, diploma behaald"),
            ("role", "MBO-4 Financiële Administratie \u2013 ROC Midden Nederland, Amersfoort", "2012 \u2013 2016"),
        ),
        sec("Vaardigheden",
            ("table", ("Vaardigheid", "Niveau", "Ervaring"), [
                ("Exact Online", "Expert", "5 jaar"),
                ("Twinfield", "Gevorderd", "3 jaar"),
                ("AFAS Profit", "Gevorderd", "3 jaar"),
                ("Excel (draaitabellen, VERT.ZOEKEN)", "Gevorderd", "8 jaar"),
                ("Btw-aangifte en ICP", "Expert", "5 jaar"),
                ("Salarisadministratie (Loket.nl)", "Basis", "2 jaar"),
                ("Jaarafsluiting voorbereiden", "Gevorderd", "4 jaar"),
            ]),
            ("p", "Persoonlijke eigenschappen: nauwkeurig, cijfermatig sterk, klantgericht, zelfstandig, "
                  "goed in plannen en organiseren."),
        ),
        sec("Talen", ("lines", ["Nederlands: moedertaal", "Engels: goed", "Duits: redelijk"])),
        sec("Cursussen", ("ul", [
            "Btw in de praktijk (2021)",
            "Exact Online Gevorderd (2020)",
            "Praktijkdiploma Loonadministratie, module 1 (2018)",
        ])),
        sec("Nevenactiviteiten", ("p",
            "Sinds 2020 ben ik vrijwillig penningmeester van mijn hockeyclub: ik beheer de begroting, "
            "de contributie-inning en de jaarcijfers voor de ledenvergadering. Daarnaast help ik familie "
            "en vrienden met hun aangifte inkomstenbelasting.")),
        sec("Hobby's", ("p", "Hockey, lezen en wandelen op de Veluwe.")),
    ],
}

# Written with the typographic ligatures U+FB01 (fi) and U+FB02 (fl), as some
# word processors export them; the font (Bitstream Vera) has both glyphs.
CV_MARK = {
    "file": "cv_en_mark_visser_accountant.pdf",
    "lang": "en", "country": "NL", "profession": "accountant (accounts payable, junior)",
    "name": "Mark Visser",
    "headline": "Junior Accountant \u2013 Accounts Payable",
    "contact": [
        "Voorbeeldstraat 88, 3512 AB Utrecht, the Netherlands  |  +31 6 00 11 22 33  |  mark.visser@example.net",
    ],
    "sections": [
        sec("Pro\ufb01le", ("p",
            "Junior accountant with one and a half years of experience in accounts payable at an "
            "international company. I hold a bachelor's degree in Accountancy and I am looking for a "
            "broader role in bookkeeping where I can take care of the full \ufb01nancial administration "
            "of clients. I am accurate, \ufb02exible and eager to learn, and I enjoy working with numbers "
            "and people. My goal is to grow into an all-round bookkeeper and later complete a "
            "post-bachelor programme in tax.")),
        sec("Work experience",
            ("role", "Accounts Payable Specialist \u2013 Meridian Foods International, Amsterdam",
             "January 2023 \u2013 present"),
            ("ul", [
                "Process 600+ supplier invoices per month in SAP S/4HANA, including three-way matching.",
                "Prepare weekly payment runs and reconcile bank statements and supplier accounts.",
                "Support the month-end close with accruals and balance sheet reconciliations.",
                "Set up a monthly Excel dashboard of overdue invoices that the controller uses in her reporting.",
                "Answer supplier questions in English and Dutch; work closely with colleagues in the "
                "\ufb01nance shared service centre in Krakow.",
            ]),
            ("role", "Graduation internship \u2013 Accountancy \ufb01rm Hoogland & Co, Utrecht",
             "February 2022 \u2013 July 2022"),
            ("ul", [
                "Assisted with year-end \ufb01nancial statements for small businesses.",
                "Prepared draft VAT returns and checked bookkeeping entries in Exact Online.",
                "Reconciled bank accounts and prepared \ufb01xed asset schedules for twelve clients.",
                "Researched the effect of e-invoicing on small \ufb01rms for my thesis.",
            ]),
            ("role", "Part-time cashier \u2013 supermarket, Utrecht", "2017 \u2013 2021"),
        ),
        sec("Education",
            ("role", "Bachelor of Accountancy (HBO) \u2013 HU University of Applied Sciences Utrecht", "2018 \u2013 2022"),
            ("role", "VWO, pro\ufb01le Economics and Society \u2013 Utrecht", "2012 \u2013 2018"),
        ),
        sec("Skills", ("ul", [
            "Accounting: accounts payable, bank reconciliation, month-end close, VAT returns (basic)",
            "Software: SAP S/4HANA, Exact Online (basic), Excel (pivot tables, XLOOKUP), Power BI (basic)",
            "Soft skills: attention to detail, problem solving, \ufb02exible, good communication skills",
        ])),
        sec("Languages", ("lines", ["Dutch: native", "English: \ufb02uent (C1)", "Spanish: basic"])),
        sec("Certi\ufb01cates", ("ul", [
            "Microsoft Of\ufb01ce Specialist: Excel Expert, 2021",
            "Excel for Finance, online course, 2023",
        ])),
        sec("Additional information", ("p",
            "Available one month after signing. Happy to work 32 to 40 hours per week, in the of\ufb01ce "
            "or hybrid.")),
        sec("Hobbies", ("p", "Running, chess and volunteer treasurer of a student rowing club.")),
    ],
}

CV_KEVIN = {
    "file": "cv_nl_nl_kevin_jansen_magazijnmedewerker.txt",
    "lang": "nl", "country": "NL", "profession": "warehouse operator (magazijnmedewerker)",
    "name": "Kevin Jansen",
    "headline": "Magazijnmedewerker / heftruckchauffeur",
    "contact": [
        "Voorbeeldstraat 7",
        "5912 AB Venlo",
        "Telefoon: 06-11223344",
        "E-mail: kevin.jansen@example.nl",
        "Geboortedatum: 3 februari 1995",
        "Rijbewijs B, eigen auto",
    ],
    "sections": [
        sec("Profiel", ("p",
            "Ervaren en betrouwbare magazijnmedewerker met zeven jaar ervaring in distributiecentra in "
            "de regio Venlo. Ik werk snel en nauwkeurig, ook als het druk is, en vind veiligheid op de "
            "werkvloer heel belangrijk. Ik ben een teamspeler die collega's helpt waar nodig en ben "
            "flexibel inzetbaar in ploegendiensten. Ik heb een rustig karakter en blijf vriendelijk, "
            "ook bij tegenvallers. Mijn teamleider noemt mij een harde werker met oog voor detail.")),
        sec("Werkervaring",
            ("role", "Magazijnmedewerker, Distributiecentrum Maasland Logistics (fictief), Venlo", "2019 - heden"),
            ("ul", [
                "Orderpicken met handscanner en EPT voor webwinkelorders (gemiddeld 140 orderregels per uur).",
                "Laden en lossen van vrachtwagens met heftruck en reachtruck.",
                "Inslaan en controleren van inkomende goederen, registreren in SAP EWM.",
                "Meewerken aan cyclische tellingen en voorraadcorrecties.",
                "Inwerken van nieuwe uitzendkrachten.",
                "Deelnemen aan de dagelijkse startbespreking en de veiligheidsrondes.",
            ]),
            ("role", "Orderpicker (via uitzendbureau), Tuinbouwgroothandel Voorbeeld BV, Blerick", "2016 - 2019"),
            ("ul", [
                "Orderpicken van planten en tuinartikelen, deels in een koelcel.",
                "Verpakken en klaarzetten van zendingen volgens de planning.",
                "Controleren van retouren en melden van schade aan de teamleider.",
            ]),
            ("role", "Vakkenvuller, supermarkt, Venlo", "2014 - 2016"),
            ("ul", ["Vullen van schappen, ontvangst van leveringen en klantvragen beantwoorden.",
                    "Leren werken volgens vaste routines en een strakke planning."]),
        ),
        sec("Opleiding",
            ("role", "MBO-2 Logistiek Medewerker, Gilde Opleidingen, Venlo", "2011 - 2014"),
            ("role", "VMBO kader, Venlo", "2007 - 2011"),
            ("role", "Interne training lean werken (5S)", "2021"),
        ),
        sec("Certificaten", ("ul", [
            "Heftruckcertificaat (2016, verlengd in 2022)",
            "Reachtruckcertificaat (2019)",
            "VCA Basis (geldig tot 2026)",
            "Rijbewijs B",
        ])),
        sec("Vaardigheden", ("ul", [
            "Orderpicken, inslaan, laden en lossen",
            "Heftruck, reachtruck, EPT",
            "WMS: SAP EWM, handscanners",
            "Voorraadbeheer en cyclisch tellen",
            "Laden en lossen volgens laadplan, verpakken en labelen",
            "Stressbestendig, nauwkeurig, teamspeler, flexibel",
        ])),
        sec("Talen", ("lines", ["Nederlands: moedertaal", "Duits: goed", "Engels: redelijk"])),
        sec("Overige informatie", ("p",
            "Per direct beschikbaar in twee- of drieploegendienst en bereid om op zaterdag te werken. "
            "Ik heb ervaring met werken in een koelcel en met het veilig opslaan van gevaarlijke "
            "stoffen. Bij mijn huidige werkgever ben ik BHV'er en ik denk graag mee over slimmere "
            "looproutes en een veiliger magazijn. Ik werk prettig samen met collega's uit Nederland, "
            "België, Polen en Roemenië.")),
        sec("Hobby's", ("p", "Fitness, vissen aan de Maas en darten met vrienden. Referenties op "
                             "aanvraag bij mijn huidige teamleider.")),
    ],
}

CV_YOUSSEF = {
    "file": "cv_nl_be_youssef_el_amrani_productie_logistiek.pdf",
    "lang": "nl", "country": "BE", "profession": "production / warehouse operator",
    "name": "Youssef El Amrani",
    "headline": "Productiemedewerker / magazijnmedewerker",
    "contact": [
        "Voorbeeldstraat 45, 3600 Genk  |  gsm 0470 00 99 00  |  youssef.elamrani@example.be  |  Rijbewijs B",
    ],
    "sections": [
        # The soft hyphen makes reportlab print "communica-" at the end of a
        # line and "tievaardigheden" at the start of the next (checked by --check).
        sec("Profiel", ("p",
            "Gemotiveerde en flexibele productiemedewerker met drie jaar ervaring in de "
            "voedingsindustrie en een eerste ervaring in een magazijn via interim. Ik ben een harde "
            "werker, leer snel en heb sterke communica" + SHY + "tievaardigheden, waardoor ik vlot "
            "samenwerk met collega's van verschillende afdelingen. Ik wil graag doorgroeien in de "
            "logistiek en volg momenteel de opleiding heftruckchauffeur via de VDAB. Op mijn huidige "
            "werk vraagt men mij vaak om bij te springen in het magazijn van de grondstoffen.")),
        sec("Werkervaring",
            ("role", "Productieoperator \u2013 Voedingsbedrijf Limburgse Voorbeeld NV, Genk",
             "03/2021 \u2013 heden (eerst via interim, vast sinds 2022)"),
            ("ul", [
                "Bedienen en bijstellen van een verpakkingslijn in drieploegenstelsel.",
                "Kwaliteitscontroles uitvoeren en afwijkingen registreren volgens de HACCP-richtlijnen.",
                "Grondstoffen aanvoeren met de elektrische pallettransporteur.",
                "Lijn reinigen en ontsmetten bij productwissels.",
                "Nieuwe collega's wegwijs maken op de lijn tijdens hun eerste werkdagen.",
                "Invullen van productierapporten en melden van storingen aan de technische dienst.",
            ]),
            ("role", "Orderpicker (interim) \u2013 Distributiecentrum Voorbeeld, Lummen", "10/2020 \u2013 02/2021"),
            ("ul", [
                "Orderpicken met een handscanner en een pick-to-voice-systeem.",
                "Verpakken en labelen van pakjes voor e-commerce.",
                "Haalde gemiddeld 120% van de productiviteitsnorm.",
                "Laden van rolcontainers voor de transporteurs volgens de vertrekplanning.",
            ]),
            ("role", "Kassamedewerker (studentenjob) \u2013 supermarkt, Genk", "2017 \u2013 2020"),
            ("ul", ["Kassa, klantencontact en aanvullen van de rekken tijdens het weekend."]),
        ),
        sec("Opleiding",
            ("role", "Secundair onderwijs: Elektromechanica (TSO) \u2013 Technisch Instituut Sint-Voorbeeld, Genk", "2019"),
            ("p", "Modules: elektriciteit, pneumatica, PLC-basis en onderhoudstechnieken."),
            ("role", "Opleiding heftruckchauffeur (VDAB)", "lopend, attest verwacht in juni 2024"),
        ),
        sec("Vaardigheden", ("ul", [
            "Orderpicken en verpakken",
            "Elektrische pallettransporteur",
            "Bediening van productielijnen",
            "HACCP en hygiëneregels",
            "Basisonderhoud van machines",
            "Werken volgens de veiligheidsvoorschriften (VCA)",
            "Teamspeler, stressbestendig, punctueel",
        ])),
        sec("Talenkennis", ("lines", [
            "Nederlands: goed", "Frans: vloeiend", "Arabisch: moedertaal", "Engels: basis",
        ])),
        sec("Certificaten", ("ul", ["VCA Basis (2022)", "Rijbewijs B"])),
        sec("Extra", ("p",
            "Sinds 2022 ben ik lid van het veiligheidscomité van mijn afdeling. Ik ben beschikbaar in "
            "ploegen en kan op korte termijn starten. Ik heb een eigen wagen en woon op tien minuten "
            "van de E314. Ik ben punctueel: in drie jaar tijd was ik nooit te laat op mijn shift.")),
        sec("Hobby's", ("p", "Voetbal, fietsen en vrijwilliger in het jeugdhuis van mijn wijk.")),
    ],
}

CV_THOMAS = {
    "file": "cv_nl_be_thomas_wouters_account_manager.docx",
    "lang": "nl", "country": "BE", "profession": "account manager (sales)",
    "name": "Thomas Wouters",
    "headline": "Account Manager B2B",
    "contact": [
        "Voorbeeldlei 101, 2018 Antwerpen  |  gsm 0470 00 12 12  |  thomas.wouters@example.be  |  rijbewijs B",
    ],
    "sections": [
        sec("Profiel", ("p",
            "Resultaatgerichte account manager met zeven jaar ervaring in B2B-verkoop van technische "
            "producten. Ik beheer een portefeuille van meer dan 100 klanten, zoek actief nieuwe klanten "
            "en onderhandel graag tot een goede deal voor beide partijen. Klanten waarderen mijn "
            "klantgerichte aanpak en mijn technische kennis. Ik ben overtuigend, zelfstandig en goed "
            "georganiseerd. Ik spreek klanten vlot aan in het Nederlands, Frans en Engels en werk graag "
            "samen met de binnendienst en de logistiek om beloftes ook echt waar te maken.")),
        sec("Werkervaring",
            ("role", "Account Manager \u2013 Voorbeeld Tools & Fasteners NV, Antwerpen", "02/2020 \u2013 heden"),
            ("ul", [
                "Beheer en uitbouw van een portefeuille van 110 industriële klanten in de provincies Antwerpen en Limburg.",
                "Prospectie via telefoon, LinkedIn en bedrijfsbezoeken: gemiddeld 25 nieuwe klanten per jaar.",
                "Opmaken van offertes, prijsonderhandelingen en afsluiten van raamcontracten.",
                "Registratie van alle contacten en opportuniteiten in Salesforce.",
                "Opvolgen van klachten en retouren in overleg met de kwaliteitsdienst.",
                "Omzetgroei van 18% in 2023; targets telkens behaald.",
                "Deelname aan vakbeurzen, zoals de jaarlijkse onderhoudsbeurs in Antwerpen.",
            ]),
            ("role", "Commercieel medewerker binnendienst \u2013 Technische Groothandel Voorbeeld, Mechelen",
             "09/2016 \u2013 01/2020"),
            ("ul", [
                "Opvolgen van bestellingen, offertes en klachten per telefoon en e-mail.",
                "Ondersteuning van vier vertegenwoordigers; beheer van klantgegevens in SAP Business One.",
                "Opvolgen van openstaande offertes, wat de conversie met 10% verhoogde.",
            ]),
            ("role", "Jobstudent verkoop \u2013 doe-het-zelfzaak, Lier", "2013 \u2013 2016"),
            ("ul", ["Klanten adviseren over gereedschap en bevestigingsmateriaal; kassa en rekken aanvullen."]),
        ),
        sec("Opleiding",
            ("role", "Professionele bachelor Bedrijfsmanagement, afstudeerrichting Marketing",
             "AP Hogeschool Antwerpen, 2013 \u2013 2016"),
            ("ul", [
                "Training onderhandelingstechnieken (2021)",
                "Training consultatief verkopen (2019)",
                "Cursus zakelijk Frans (2018)",
            ]),
        ),
        sec("Vaardigheden", ("ul", [
            "B2B-verkoop en accountmanagement",
            "Prospectie en leadgeneratie",
            "Onderhandelen en afsluiten",
            "CRM: Salesforce, HubSpot",
            "MS Office (Excel, PowerPoint), SAP Business One",
            "Technische productkennis (gereedschap, bevestigingsmateriaal)",
            "Presentatievaardigheden",
            "Klantgericht, overtuigend, communicatieve vaardigheden, zelfstandig",
        ])),
        sec("Realisaties", ("ul", [
            "Binnenhalen van een raamcontract met een chemisch bedrijf in de haven van Antwerpen "
            "(jaaromzet 400.000 euro).",
            "Uitwerken van een bezoekplanning die het aantal klantenbezoeken per week met 20% verhoogde.",
        ])),
        sec("Certificaten", ("ul", ["Rijbewijs B", "VCA Basis (voor werfbezoeken), 2021"])),
        sec("Talenkennis", ("lines", [
            "Nederlands: moedertaal", "Frans: goed", "Engels: vloeiend", "Duits: basis",
        ])),
        sec("Hobby's", ("p", "Mountainbiken in de Ardennen, koken voor vrienden en lid van een lokale "
                              "ondernemersclub waar ik mee netwerkavonden organiseer.")),
    ],
}

CV_EMMA = {
    "file": "cv_en_emma_de_smet_hr_recruiter.txt",
    "lang": "en", "country": "BE", "profession": "HR officer / recruiter",
    "name": "Emma De Smet",
    "headline": "HR Officer & Recruiter",
    "contact": [
        "Voorbeeldstraat 19, 2000 Antwerpen, Belgium | +32 470 00 34 34 | emma.desmet@example.com",
        "LinkedIn: linkedin.com/in/emma-desmet-example",
    ],
    "sections": [
        sec("Profile", ("p",
            "HR officer with four years of experience in end-to-end recruitment and personnel "
            "administration in logistics and temporary staffing. I enjoy finding the right person for "
            "the right job and guiding new colleagues during their first months. I am empathetic, "
            "discreet and well organised, and I keep a cool head when several vacancies need to be "
            "filled at once. I am comfortable working in Dutch, French and English.")),
        sec("Work experience",
            ("role", "HR Officer \u2013 Recruitment | Voorbeeld Logistics Group, Antwerpen", "03/2021 \u2013 present"),
            ("ul", [
                "Manage the full recruitment cycle for blue- and white-collar profiles: writing job ads, "
                "screening CVs, conducting interviews and making offers.",
                "Source candidates on LinkedIn, at job fairs and through schools; hired 70 people in 2023.",
                "Coordinate onboarding and organise welcome days for new employees.",
                "Prepare employment contracts and Dimona declarations together with our social secretariat.",
                "Manage our ATS (Recruitee) and report monthly on time-to-hire.",
                "Introduced structured interview guides, which reduced the drop-out of new hires in their first three months.",
            ]),
            ("role", "Recruitment Consultant | Voorbeeld Interim, Mechelen", "09/2019 \u2013 02/2021"),
            ("ul", [
                "Recruited temporary workers for production and logistics clients.",
                "Handled payroll input, timesheets and contracts for 120 temporary workers per week.",
                "Visited clients and built long-term relationships.",
                "Organised group information sessions together with the public employment service (VDAB).",
            ]),
        ),
        sec("Education",
            ("role", "Professional bachelor in Business Management \u2013 HR management, "
                     "Karel de Grote University of Applied Sciences, Antwerp", "2016 \u2013 2019"),
        ),
        sec("Skills", ("ul", [
            "Recruitment and selection, sourcing, competency-based interviewing (STAR)",
            "Onboarding, personnel administration, Dimona, Belgian labour law (basic)",
            "ATS: Recruitee, Workday (basic); MS Office (Excel, Word, Outlook)",
            "Employer branding: job ads, social media posts, campus recruitment",
            "Soft skills: communication skills, empathy, discretion, planning and organising",
        ])),
        sec("Languages", ("lines", ["Dutch: native", "French: good", "English: fluent"])),
        sec("Certificates", ("lines", [
            "Certificate \"Belgian labour law for HR professionals\" (2022)",
            "Driving licence B",
        ])),
        sec("Additional information", ("p",
            "I am looking for an in-house HR role with more responsibility for employer branding and "
            "onboarding. Available with a notice period of two months.")),
        sec("Hobbies", ("p", "Amateur theatre, travelling and volunteering as a language buddy for newcomers.")),
    ],
}

CV_BRAM = {
    "file": "cv_nl_be_bram_hermans_kok.pdf",
    "lang": "nl", "country": "BE", "profession": "cook (kok)",
    "name": "Bram Hermans",
    "headline": "Kok / chef de partie",
    "sidebar": [
        sec("Contact", ("lines", [
            "Voorbeeldkaai 4", "8000 Brugge", "gsm 0470 00 45 45",
            "bram.hermans@example.be", "Rijbewijs B",
        ])),
        sec("Vaardigheden", ("ul", [
            "Klassieke Franse keuken", "Mise-en-place", "Sauzen en fonds",
            "Vis en schaaldieren", "Pâtisserie (basis)", "HACCP en voedselveiligheid",
            "Voorraadbeheer en bestellingen", "Kostprijsberekening",
        ])),
        sec("Persoonlijk", ("ul", [
            "Stressbestendig", "Creatief", "Teamspeler", "Hygiënisch en ordelijk", "Punctueel",
        ])),
        sec("Talenkennis", ("lines", ["Nederlands: moedertaal", "Frans: goed", "Engels: goed"])),
        sec("Certificaten", ("lines", [
            "HACCP-attest (2021)", "Allergenen in de horeca (2022)", "EHBO-attest (2020)",
        ])),
    ],
    "sections": [
        sec("Profiel", ("p",
            "Gedreven kok met acht jaar ervaring in de gastronomische keuken en in grootkeukens. Ik "
            "werk graag met seizoensgebonden, lokale producten en hou van een strak georganiseerde "
            "keuken. Ik ben stressbestendig tijdens drukke services, werk hygiënisch volgens de "
            "HACCP-normen en stuur met plezier stagiairs en commis aan. Collega's kennen me als een rustige "
            "teamspeler die ook in de rush het overzicht bewaart en duidelijk communiceert met de zaal. "
            "Ik ben flexibel inzetbaar, ook in het weekend en op feestdagen.")),
        sec("Werkervaring",
            ("role", "Chef de partie \u2013 Restaurant De Voorbeeldkaai, Brugge", "04/2019 \u2013 heden"),
            ("ul", [
                "Verantwoordelijk voor de warme keuken en de sauzen tijdens lunch- en avondservice (tot 90 couverts).",
                "Mise-en-place, bestellingen bij leveranciers en voorraadbeheer.",
                "Mee ontwikkelen van het seizoensmenu en berekenen van kostprijzen.",
                "Opleiden van twee commis en stagiairs van de hotelschool.",
                "Controle van leveringen en temperaturen bij ontvangst.",
            ]),
            ("role", "Kok \u2013 Centrale keuken Voorbeeldgroep, Oostende", "09/2016 \u2013 03/2019"),
            ("ul", [
                "Bereiden van 600 maaltijden per dag, inclusief dieetmaaltijden.",
                "Werken volgens strikte dieetvoorschriften (zoutarm, diabetes, gemalen voeding).",
                "Toepassen van HACCP-procedures, temperatuurregistraties en allergenenbeheer.",
            ]),
            ("role", "Commis \u2013 Hotel Voorbeeld, Knokke", "06/2015 \u2013 08/2016"),
            ("ul", [
                "Ondersteuning van de koude keuken en het ontbijtbuffet voor 120 hotelgasten.",
                "Eerste ervaring met banqueting voor huwelijken en bedrijfsfeesten tot 250 personen.",
            ]),
        ),
        sec("Opleiding",
            ("role", "Restaurant en keuken + 7de jaar Hotelbeheer", "Hotelschool Sint-Voorbeeld, Brugge \u2013 2009 \u2013 2015"),
            ("p", "Stages in een gastronomisch restaurant aan de kust en in een brasserie in Gent."),
            ("role", "Workshop plantaardig koken", "Syntra, 2023"),
        ),
        sec("Realisaties", ("ul", [
            "Verlaagde het voedselverlies in de keuken met 15% door een betere planning van de mise-en-place.",
            "Werkte mee aan een nieuwe lunchformule die het aantal lunchgasten op weekdagen verdubbelde.",
            "Behaalde met het team een uitstekende score bij de inspectie van het FAVV in 2023.",
        ])),
        sec("Hobby's", ("p", "Fietsen langs de kust, foodfotografie en zuurdesembrood bakken voor familie en vrienden.")),
    ],
}


# ============================== Vacancies =================================

VAC_DEV = {
    "file": "vac_en_python_data_developer.pdf",
    "lang": "en", "country": "BE", "profession": "software developer (Python/data)",
    "name": "Python / Data Developer (m/f/x)",
    "headline": "Northbridge Data Solutions (fictional) \u2013 Ghent, Belgium \u2013 Full-time \u2013 Hybrid",
    "sections": [
        sec("About us", ("p",
            "Northbridge Data Solutions is a Ghent-based scale-up of 60 people that builds data "
            "platforms for retailers and logistics companies in Belgium and the Netherlands. Our teams "
            "combine software engineering and analytics to turn raw operational data into forecasts, "
            "dashboards and APIs that our customers use every day.")),
        sec("Your tasks", ("ul", [
            "Design, build and maintain data pipelines in Python that load data from APIs, files and "
            "databases into our data warehouse.",
            "Write clean, tested and well-documented code and review the code of your colleagues.",
            "Develop REST APIs with FastAPI or Flask that expose our models and datasets to customer applications.",
            "Write and optimise complex SQL queries on PostgreSQL.",
            "Work together with data analysts to turn business questions into reliable datasets and reports.",
            "Monitor pipelines in production and solve incidents together with the team.",
        ])),
        sec("Requirements", ("ul", [
            "A bachelor's or master's degree in computer science, applied informatics or a comparable "
            "field, or equivalent experience.",
            "3+ years of experience with Python in a professional setting.",
            "At least 2 years of experience with SQL and relational databases (PostgreSQL, SQL Server or MySQL).",
            "Experience with Git and automated testing (pytest).",
            "Good knowledge of pandas for data processing.",
            "Strong problem solving skills and attention to detail.",
            "You are a team player who communicates clearly with technical and non-technical colleagues.",
            "Fluent in English; Dutch or French is an advantage.",
        ])),
        sec("Nice to have", ("ul", [
            "Preferably experience with Docker and CI/CD pipelines (GitHub Actions or GitLab CI).",
            "Knowledge of Apache Airflow or another workflow orchestration tool.",
            "Experience with a cloud platform such as Azure or AWS.",
            "Familiarity with Power BI or Tableau is a plus.",
        ])),
        sec("What we offer", ("ul", [
            "A permanent contract with a competitive salary, meal vouchers, hospitalisation insurance "
            "and a company laptop.",
            "Hybrid work: two days a week in our Ghent office, the rest from home.",
            "A personal training budget of EUR 2,000 per year: you can for example follow our "
            "leadership training, a Scrum Master course or a Kubernetes certification track.",
            "Coaching by senior developers and time to experiment with machine learning and new tools.",
            "32 days of holiday and flexible working hours.",
        ])),
        sec("How to apply", ("p",
            "Send your CV and a short motivation to jobs@example.com before 31 March 2024. Questions? "
            "Contact our recruiter Lies Verbeke (fictional) at +32 9 000 00 00.")),
    ],
}

VAC_NURSE = {
    "file": "vac_nl_be_verpleegkundige.docx",
    "lang": "nl", "country": "BE", "profession": "nurse (verpleegkundige)",
    "name": "Verpleegkundige interne geneeskunde (m/v/x)",
    "headline": "AZ Sint-Voorbeeld (fictief) \u2013 Leuven \u2013 voltijds of deeltijds (80%) \u2013 "
                "contract van onbepaalde duur",
    "page_header": "AZ Sint-Voorbeeld  \u2013  Vacature  \u2013  ref. VP-2024-017",
    "sections": [
        sec("Over ons", ("p",
            "AZ Sint-Voorbeeld is een algemeen ziekenhuis met 450 bedden in de regio Leuven. Meer dan "
            "1.200 medewerkers zorgen er elke dag voor kwaliteitsvolle en patiëntgerichte zorg. Voor "
            "onze afdeling interne geneeskunde (32 bedden) zoeken we een gemotiveerde verpleegkundige "
            "die ons team komt versterken.")),
        sec("Jouw taken", ("ul", [
            "Je staat in voor de totale zorg van een groep patiënten tijdens dag-, avond- en nachtdiensten.",
            "Je dient medicatie toe volgens voorschrift en volgt de werking en nevenwerkingen op.",
            "Je voert technische verpleegkundige handelingen uit, zoals wondzorg, het plaatsen van "
            "infusen, bloedafnames en sondevoeding.",
            "Je observeert de toestand van de patiënt en rapporteert in het elektronisch patiëntendossier.",
            "Je werkt nauw samen met artsen, zorgkundigen, kinesitherapeuten en de sociale dienst.",
            "Je informeert en begeleidt patiënten en hun familie bij opname en ontslag.",
        ])),
        sec("Jouw profiel", ("ul", [
            "Je bent bachelor in de verpleegkunde of gegradueerde verpleegkundige (HBO5) en beschikt "
            "over een RIZIV-visum.",
            "Je hebt minimaal 1 jaar ervaring als verpleegkundige in een ziekenhuis; pas afgestudeerden "
            "met een sterke stage op een interne afdeling nodigen we ook graag uit.",
            "Je bent stressbestendig en behoudt het overzicht bij drukte.",
            "Je werkt nauwkeurig en hebt oog voor hygiëne en patiëntveiligheid.",
            "Je bent een echte teamspeler met goede communicatieve vaardigheden en een empathische houding.",
            "Je spreekt vlot Nederlands; kennis van Frans is een pluspunt.",
            "Je bent bereid om in een wisselend uurrooster te werken, inclusief weekends.",
        ])),
        sec("Pluspunten", ("ul", [
            "Ervaring met het elektronisch patiëntendossier KWS is een pluspunt.",
            "Een bijkomende opleiding in diabeteszorg of wondzorg is een pré.",
            "Ervaring met palliatieve zorg.",
        ])),
        sec("Wat bieden wij", ("ul", [
            "Een contract van onbepaalde duur met verloning volgens IFIC-barema, rekening houdend met "
            "je relevante anciënniteit.",
            "Maaltijdcheques, een fietsvergoeding en gratis openbaar vervoer woon-werk.",
            "Een uitgebreid opleidingsaanbod: je kan onder meer een opleiding leidinggeven, een cursus "
            "Spaans voor zorgverleners en een traject tot referentieverpleegkundige volgen.",
            "Een warme ontvangst met een inwerkprogramma en een vaste meter of peter.",
            "Kinderopvang op de campus tijdens de schoolvakanties.",
        ])),
        sec("Interesse?", ("p",
            "Stuur je cv en motivatiebrief voor 15 april 2024 naar jobs@example.be. Meer info bij "
            "hoofdverpleegkundige Katrien Wuyts (fictief), 016 00 00 00.")),
    ],
}

VAC_BOEKHOUDER = {
    "file": "vac_nl_nl_boekhouder.md",
    "lang": "nl", "country": "NL", "profession": "bookkeeper (boekhouder)",
    "name": "Boekhouder (32\u201340 uur) \u2013 Amersfoort",
    "headline": "Van Dam & Partners Administratie (fictief) | Amersfoort | MBO/HBO-niveau | "
                "\u20ac 3.200 \u2013 \u20ac 4.100 bruto per maand",
    "sections": [
        sec("Over ons", ("p",
            "Van Dam & Partners is een administratiekantoor met 25 collega's in het centrum van "
            "Amersfoort. Wij verzorgen de financiële administratie, salarisadministratie en "
            "belastingaangiften voor ruim 300 mkb-ondernemers, van bouwbedrijven tot webwinkels. "
            "Door groei zoeken wij een zelfstandige boekhouder.")),
        sec("Wat ga je doen", ("ul", [
            "Je voert de volledige financiële administratie voor een eigen portefeuille van klanten: "
            "inkoop- en verkoopfacturen boeken, bankmutaties verwerken en grootboekrekeningen afletteren.",
            "Je verzorgt de btw-aangiften en de opgaven ICP.",
            "Je stelt maand- en kwartaalrapportages op en bereidt de jaarafsluiting voor.",
            "Je bent het eerste aanspreekpunt voor je klanten en denkt mee over hun administratieve processen.",
            "Je werkt nauw samen met onze accountants en fiscalisten.",
        ])),
        sec("Wat vragen wij", ("ul", [
            "Een afgeronde opleiding op MBO-4-niveau (bijvoorbeeld Financiële Administratie) of "
            "HBO-niveau (bijvoorbeeld Bedrijfseconomie of Accountancy).",
            "Minimaal 2 jaar ervaring als boekhouder, bij voorkeur op een administratiekantoor.",
            "Goede kennis van de btw-wetgeving en het opstellen van btw-aangiften.",
            "Uitstekende Excel-vaardigheden (draaitabellen, VERT.ZOEKEN).",
            "Je werkt nauwkeurig, bent cijfermatig sterk en kunt goed plannen en organiseren.",
            "Je bent klantgericht en communiceert helder, zowel mondeling als schriftelijk.",
            "Uitstekende beheersing van de Nederlandse taal.",
        ])),
        sec("Pluspunten", ("ul", [
            "Kennis van Exact Online is een pluspunt; ervaring met Twinfield of AFAS is ook welkom.",
            "Ervaring met salarisadministratie.",
            "Een afgeronde SPD-opleiding of Associate Degree Finance & Control is een pré.",
        ])),
        sec("Wat bieden wij", ("ul", [
            "Een salaris tussen \u20ac 3.200 en \u20ac 4.100 bruto per maand, afhankelijk van ervaring, plus 8% vakantiegeld.",
            "25 vakantiedagen bij een fulltime dienstverband en de mogelijkheid om 32 uur te werken.",
            "Een goede pensioenregeling en een reiskostenvergoeding.",
            "Ruimte voor ontwikkeling: we betalen je studie, bijvoorbeeld de opleiding tot "
            "belastingadviseur of een cursus Power BI, en je volgt bij ons een training timemanagement.",
            "Een informele werksfeer met een vrijdagmiddagborrel.",
        ])),
        sec("Solliciteren", ("p",
            "Stuur je cv en motivatie naar vacatures@example.nl. Bel voor vragen met Marieke Hoekstra "
            "(fictief) via 06-12345678. Acquisitie naar aanleiding van deze vacature wordt niet op "
            "prijs gesteld.")),
    ],
}

VAC_MAGAZIJN = {
    "file": "vac_nl_nl_magazijnmedewerker.txt",
    "lang": "nl", "country": "NL", "profession": "warehouse operator (magazijnmedewerker)",
    "name": "Magazijnmedewerker met heftruckcertificaat (fulltime) \u2013 Venlo",
    "headline": "LogiPoort Venlo BV (fictief) | Venlo | MBO-2 | 40 uur per week",
    "sections": [
        sec("Over ons", ("p",
            "LogiPoort Venlo BV is een logistiek dienstverlener met een distributiecentrum van "
            "40.000 m\u00b2 op een bedrijventerrein aan de rand van Venlo. Wij slaan producten op voor "
            "webwinkels en groothandels en verzenden dagelijks meer dan 15.000 orders naar klanten in "
            "Nederland, België en Duitsland. Ons team bestaat uit 180 collega's uit meer dan tien landen.")),
        sec("Wat ga je doen", ("ul", [
            "Orderpicken met een handscanner en een elektrische pallettruck (EPT).",
            "Ontvangen, controleren en inslaan van inkomende goederen.",
            "Laden en lossen van vrachtwagens met de heftruck.",
            "Verpakken en klaarmaken van zendingen voor verzending.",
            "Bijhouden van voorraadmutaties in het WMS en meehelpen bij cyclische tellingen.",
            "Zorgen voor een opgeruimde en veilige werkplek.",
        ])),
        sec("Wat vragen wij", ("ul", [
            "Minimaal MBO-2 werk- en denkniveau, bijvoorbeeld MBO Logistiek Medewerker.",
            "Minimaal 1 jaar ervaring als magazijnmedewerker of orderpicker.",
            "Een geldig heftruckcertificaat is verplicht.",
            "Je bent beschikbaar in een 2-ploegendienst (06:00\u201314:30 en 14:30\u201323:00).",
            "Je werkt nauwkeurig en veilig, ook als het druk is: je bent stressbestendig.",
            "Je bent een teamspeler, fysiek fit en je komt afspraken na.",
            "Je spreekt en begrijpt Nederlands of Engels.",
        ])),
        sec("Een pré", ("ul", [
            "Een reachtruckcertificaat of ervaring met de reachtruck.",
            "Een VCA-diploma (VCA Basis).",
            "Ervaring met een WMS zoals SAP EWM.",
            "Rijbewijs B of eigen vervoer, want het terrein is slecht bereikbaar met het openbaar vervoer.",
        ])),
        sec("Wat bieden wij", ("ul", [
            "Een uurloon van \u20ac 14,50 tot \u20ac 16,80, plus 19% ploegentoeslag voor de avonddienst.",
            "Een contract voor 6 maanden met uitzicht op een vast dienstverband.",
            "Gratis opleidingen: wij betalen bijvoorbeeld een EHBO-cursus, een cursus Duits voor de "
            "werkvloer en de interne training teamleider voor wie wil doorgroeien.",
            "Reiskostenvergoeding vanaf 10 kilometer en gratis parkeren.",
            "Werkkleding en veiligheidsschoenen van de zaak.",
        ])),
        sec("Interesse?", ("p",
            "Solliciteer via werkenbij@example.nl of bel met Ruud Peters (fictief), planner HR, op "
            "06-87654321. Je kunt binnen twee weken starten.")),
    ],
}

VAC_SALES = {
    "file": "vac_en_account_manager.html",
    "lang": "en", "country": "BE", "profession": "account manager (sales)",
    "name": "Account Manager B2B \u2013 Industrial Supplies",
    "headline": "Scaldis Industrial Supply (fictional) \u00b7 Antwerp, Belgium \u00b7 Full-time \u00b7 Permanent contract",
    "sections": [
        sec("About us", ("p",
            "Scaldis Industrial Supply is a family-owned distributor of tools, fasteners, safety "
            "equipment and workshop supplies. From our warehouse in the port of Antwerp we serve more "
            "than 4,000 business customers in Flanders, Brussels and the southern Netherlands, from "
            "small contractors to large chemical plants. To strengthen our field sales team we are "
            "looking for an Account Manager for the region Antwerp\u2013Limburg.")),
        sec("Your tasks", ("ul", [
            "Manage and grow a portfolio of about 120 existing B2B customers in the provinces of Antwerp and Limburg.",
            "Prospect new customers by phone, via LinkedIn and through company visits.",
            "Prepare quotations, negotiate prices and close framework agreements.",
            "Record every contact, opportunity and visit report in our CRM.",
            "Follow up on orders, deliveries and complaints together with our inside sales team.",
            "Report monthly to the sales manager on your targets and sales pipeline.",
        ])),
        sec("Requirements", ("ul", [
            "A bachelor's degree, preferably in business management or marketing, or equivalent experience.",
            "At least 3 years of experience in B2B sales or account management.",
            "Strong negotiation skills and a results-driven, customer-oriented attitude.",
            "Excellent communication skills in Dutch and English; good knowledge of French is required "
            "for our customers in Brussels.",
            "Experience working with a CRM system.",
            "A driving licence B.",
            "You are independent, well organised and persuasive.",
        ])),
        sec("Nice to have", ("ul", [
            "Experience with Salesforce is an advantage.",
            "Technical affinity or experience selling industrial products.",
            "Knowledge of German is a plus.",
        ])),
        sec("What we offer", ("ul", [
            "A competitive salary with a quarterly bonus on your targets.",
            "A company car with fuel card, a laptop and a smartphone.",
            "Group insurance, hospitalisation insurance and meal vouchers.",
            "Our in-house sales academy, a course in presentation skills and a leadership training for "
            "those who want to grow into a team lead role.",
            "A warm team of 15 colleagues and flexible start times.",
        ])),
        sec("How to apply", ("p",
            "Apply online or send your CV to sales.jobs@example.com. Contact: Nathalie Peeters "
            "(fictional), HR department, +32 3 000 00 00.")),
    ],
}

VAC_HR = {
    "file": "vac_nl_be_hr_recruiter.pdf",
    "lang": "nl", "country": "BE", "profession": "HR officer / recruiter",
    "name": "HR Officer \u2013 Recruiter (m/v/x)",
    "headline": "Bouwgroep Dijlevallei (fictief) \u2013 Mechelen \u2013 voltijds \u2013 contract van onbepaalde duur",
    "sections": [
        sec("Over ons", ("p",
            "Bouwgroep Dijlevallei is een familiaal bouwbedrijf met 350 medewerkers en werven in heel "
            "Vlaanderen en Brussel. We bouwen scholen, woonzorgcentra en appartementen, en we "
            "investeren sterk in onze mensen. Om onze groei te ondersteunen zoeken we een HR officer "
            "met een passie voor rekrutering.")),
        sec("Wat ga je doen", ("ul", [
            "Je staat in voor het volledige rekruteringsproces van arbeiders en bedienden: je stelt "
            "vacatures op, publiceert ze, screent cv's en voert sollicitatiegesprekken.",
            "Je zoekt actief kandidaten via LinkedIn, jobbeurzen, scholen en onze eigen werven (sourcing).",
            "Je organiseert de onboarding van nieuwe medewerkers en volgt hun eerste maanden op.",
            "Je verzorgt de personeelsadministratie (contracten, Dimona-aangiftes, wijzigingen) in "
            "samenwerking met het sociaal secretariaat.",
            "Je adviseert werfleiders en leidinggevenden over verzuim, opleidingen en arbeidsrecht.",
            "Je denkt mee over employer branding en onze aanwezigheid op sociale media.",
        ])),
        sec("Jouw profiel", ("ul", [
            "Je hebt een bachelordiploma in HR-management, toegepaste psychologie of een gelijkwaardige opleiding.",
            "Je hebt minstens 2 jaar ervaring als recruiter of HR officer, bij voorkeur in een "
            "productie-, logistieke of bouwomgeving.",
            "Je hebt basiskennis van het Belgisch arbeidsrecht en de loonadministratie.",
            "Je bent communicatief sterk, empathisch en discreet.",
            "Je werkt gestructureerd, kan goed plannen en organiseren en stelt de juiste prioriteiten.",
            "Je spreekt vlot Nederlands en Frans; Engels is een pluspunt.",
            "Je werkt vlot met MS Office, in het bijzonder Excel.",
        ])),
        sec("Pluspunten", ("ul", [
            "Ervaring met een ATS, bijvoorbeeld Recruitee of Workday, is een pluspunt.",
            "Kennis van paritair comité 124 (bouw) is een pré.",
            "Ervaring met employer branding of het beheren van sociale media.",
        ])),
        sec("Wat bieden wij", ("ul", [
            "Een boeiende functie in een groeiend familiebedrijf met korte beslissingslijnen.",
            "Een competitief loon met maaltijdcheques, ecocheques, groepsverzekering en hospitalisatieverzekering.",
            "Een bedrijfswagen of mobiliteitsbudget, een laptop en een gsm-abonnement.",
            "Opleidingsmogelijkheden, zoals een traject coaching en leidinggeven en een cursus Power BI "
            "voor HR-rapportering.",
            "Thuiswerk op vrijdag en 32 verlofdagen.",
        ])),
        sec("Interesse?", ("p",
            "Stuur je cv en motivatie naar hr@example.be, ter attentie van Els Vermeiren (fictief). "
            "Voor meer informatie kan je bellen naar 015 00 00 00.")),
    ],
}

# ============================ Renderers ===================================

PDF_FONTS = {
    "helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "vera": ("Vera", "VeraBd", "VeraIt"),
}

_vera_registered = False


def _register_vera():
    """Bitstream Vera ships with reportlab and has the fi/fl ligature glyphs."""
    global _vera_registered
    if not _vera_registered:
        pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
        pdfmetrics.registerFont(TTFont("VeraBd", "VeraBd.ttf"))
        pdfmetrics.registerFont(TTFont("VeraIt", "VeraIt.ttf"))
        _vera_registered = True


def _pdf_styles(fonts, body_size=9.5, leading=12, grid=False):
    """grid=True: every flowable height and space is a multiple of `leading`, so
    text lines land on a fixed baseline grid (used to align the two columns)."""
    # Bullets are always drawn with Vera: with the standard Helvetica font
    # reportlab encodes U+2022 as WinAnsi code 0x7F, which pdfminer/pdfplumber
    # extract as "(cid:127)".
    _register_vera()
    reg, bold, ital = fonts
    accent = colors.HexColor("#1F4E79")
    return {
        "name": ParagraphStyle("name", fontName=bold, fontSize=20, leading=24, textColor=accent),
        "headline": ParagraphStyle("headline", fontName=reg, fontSize=11,
                                   leading=leading * (2 if grid else 1.5),
                                   textColor=colors.HexColor("#444444")),
        "contact": ParagraphStyle("contact", fontName=reg, fontSize=8.5, leading=leading),
        "h": ParagraphStyle("h", fontName=bold, fontSize=10.5, leading=leading, spaceBefore=leading,
                            spaceAfter=0 if grid else 3, textColor=accent),
        "role": ParagraphStyle("role", fontName=bold, fontSize=body_size, leading=leading,
                               spaceBefore=0 if grid else 4),
        "meta": ParagraphStyle("meta", fontName=ital, fontSize=body_size - 0.5, leading=leading,
                               textColor=colors.HexColor("#555555")),
        "p": ParagraphStyle("p", fontName=reg, fontSize=body_size, leading=leading,
                            embeddedHyphenation=1, uriWasteReduce=0),
        "li": ParagraphStyle("li", fontName=reg, fontSize=body_size, leading=leading,
                             leftIndent=10, bulletIndent=1, bulletFontName="Vera",
                             bulletFontSize=body_size,
                             embeddedHyphenation=1, uriWasteReduce=0),
    }


def _flow_blocks(blocks, st):
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "p":
            out.append(Paragraph(escape(b[1]), st["p"]))
        elif kind == "ul":
            out.extend(Paragraph(escape(t), st["li"], bulletText="\u2022") for t in b[1])
        elif kind == "lines":
            out.extend(Paragraph(escape(t), st["p"]) for t in b[1])
        elif kind == "role":
            out.append(Paragraph(escape(b[1]), st["role"]))
            out.append(Paragraph(escape(b[2]), st["meta"]))
        elif kind == "table":
            header, rows = b[1], b[2]
            out.append(Paragraph(escape(" | ".join(header)), st["role"]))
            out.extend(Paragraph(escape(" | ".join(r)), st["p"]) for r in rows)
        else:
            raise ValueError(kind)
    return out


def _flow_sections(sections, st, rule_width=None):
    out = []
    for heading, blocks in sections:
        out.append(Paragraph(escape(heading.upper() if rule_width is None else heading), st["h"]))
        if rule_width is not None:
            out.append(HRFlowable(width="100%", thickness=0.5, color=colors.HexColor("#1F4E79"),
                                  spaceBefore=0, spaceAfter=3))
        out.extend(_flow_blocks(blocks, st))
    return out


def _pdf_meta(doc, kind):
    return dict(
        title=f"{doc['name']} \u2013 {doc['headline']}" if kind == "cv" else doc["name"],
        author=doc["name"] if kind == "cv" else "skillfit sample vacancy",
        subject="Curriculum vitae" if kind == "cv" else "Vacancy",
        creator=GENERATOR,
        keywords=f"skillfit sample; {kind}; {doc['lang']}",
        invariant=1,
    )


def render_pdf_single(doc, path, kind, font="helvetica", footer=True):
    fonts = PDF_FONTS[font]
    st = _pdf_styles(fonts, body_size=10, leading=13)
    W, H = A4
    margin = 54
    frame = Frame(margin, margin, W - 2 * margin, H - 2 * margin,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")

    def on_page(canv, d):
        if not footer:
            return
        canv.saveState()
        canv.setFont(fonts[0], 7.5)
        canv.setFillColor(colors.HexColor("#777777"))
        label = "Curriculum vitae" if kind == "cv" else "Vacature" if doc["lang"] == "nl" else "Vacancy"
        canv.drawString(margin, 30, f"{label} \u2013 {doc['name']}")
        canv.drawRightString(W - margin, 30, f"{canv.getPageNumber()}")
        canv.restoreState()

    tmpl = BaseDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin,
                           topMargin=margin, bottomMargin=margin, **_pdf_meta(doc, kind))
    tmpl.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    story = [Paragraph(escape(doc["name"]), st["name"]),
             Paragraph(escape(doc["headline"]), st["headline"])]
    story += [Paragraph(escape(c), st["contact"]) for c in doc.get("contact", [])]
    story.append(Spacer(1, 4))
    story += _flow_sections(doc["sections"], st, rule_width="full")
    tmpl.build(story)


# Two-column geometry (points). Sidebar text ends at SIDEBAR_X1, main text
# starts at MAIN_X0: 30 pt of white space between the columns.
SIDEBAR_X0, SIDEBAR_X1 = 28.0, 186.0
MAIN_X0 = 216.0
TOP_MARGIN = 36.0


def render_pdf_two_col(doc, path, kind="cv"):
    """Sidebar (contact, skills, languages) + wide main column, drawn as two
    frames on the same page. Both columns use the same 12 pt leading and start at
    the same top, so their lines sit at the same heights."""
    fonts = PDF_FONTS["helvetica"]
    W, H = A4
    leading = 12
    st_main = _pdf_styles(fonts, body_size=9.5, leading=leading, grid=True)
    # same body size in both columns -> identical baselines on the 12 pt grid
    st_side = _pdf_styles(fonts, body_size=9.5, leading=leading, grid=True)
    frame_h = H - 2 * TOP_MARGIN
    left = Frame(SIDEBAR_X0, TOP_MARGIN, SIDEBAR_X1 - SIDEBAR_X0, frame_h,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="sidebar")
    right = Frame(MAIN_X0, TOP_MARGIN, W - MAIN_X0 - 36, frame_h,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="main")
    right_more = Frame(MAIN_X0, TOP_MARGIN, W - MAIN_X0 - 36, frame_h,
                       leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="main2")

    def on_page(canv, d):
        canv.saveState()
        canv.setFillColor(colors.HexColor("#EEF2F6"))
        canv.rect(0, 0, SIDEBAR_X1 + 12, H, stroke=0, fill=1)
        canv.restoreState()

    tmpl = BaseDocTemplate(str(path), pagesize=A4, **_pdf_meta(doc, kind))
    tmpl.addPageTemplates([
        PageTemplate(id="twocol", frames=[left, right], onPage=on_page, autoNextPageTemplate="more"),
        PageTemplate(id="more", frames=[right_more], onPage=on_page),
    ])
    story = _flow_sections(doc["sidebar"], st_side)
    story.append(FrameBreak())
    story += [Paragraph(escape(doc["name"]), st_main["name"]),
              Paragraph(escape(doc["headline"]), st_main["headline"])]
    story += _flow_sections(doc["sections"], st_main)
    tmpl.build(story)


def _fix_zip(path):
    """Rewrite a zip (DOCX) with fixed timestamps/attributes -> byte-identical output."""
    src = zipfile.ZipFile(path)
    entries = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    src.close()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0
            dst.writestr(zi, data, compresslevel=6)
    path.write_bytes(buf.getvalue())


def render_docx(doc, path, kind):
    import docx
    from docx.shared import Pt

    d = docx.Document()
    cp = d.core_properties
    cp.author = doc["name"] if kind == "cv" else "skillfit sample vacancy"
    cp.last_modified_by = GENERATOR
    cp.title = doc["name"]
    cp.subject = "Curriculum vitae" if kind == "cv" else "Vacancy"
    cp.keywords = f"skillfit sample; {kind}; {doc['lang']}"
    cp.comments = "Generated by sample_docs/make_samples.py (fictional data)"
    cp.language = f"{doc['lang']}-{doc['country']}"
    cp.category = kind
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE
    cp.revision = 1

    if doc.get("page_header"):
        hp = d.sections[0].header.paragraphs[0]
        run = hp.add_run(doc["page_header"])
        run.font.size = Pt(8)

    d.add_paragraph(doc["name"], style="Title")
    d.add_paragraph(doc["headline"], style="Subtitle")
    for c in doc.get("contact", []):
        d.add_paragraph(c)

    for heading, blocks in doc["sections"]:
        d.add_heading(heading, level=1)
        for b in blocks:
            kind_b = b[0]
            if kind_b == "p":
                d.add_paragraph(b[1])
            elif kind_b == "ul":
                for t in b[1]:
                    d.add_paragraph(t, style="List Bullet")
            elif kind_b == "lines":
                for t in b[1]:
                    d.add_paragraph(t)
            elif kind_b == "role":
                p = d.add_paragraph()
                p.add_run(b[1]).bold = True
                p.add_run("\n")
                p.add_run(b[2]).italic = True
            elif kind_b == "table":
                header, rows = b[1], b[2]
                table = d.add_table(rows=1, cols=len(header))
                table.style = "Table Grid"
                for cell, text in zip(table.rows[0].cells, header):
                    cell.text = ""
                    cell.paragraphs[0].add_run(text).bold = True
                for r in rows:
                    cells = table.add_row().cells
                    for cell, text in zip(cells, r):
                        cell.text = text
                d.add_paragraph()
            else:
                raise ValueError(kind_b)
    d.save(str(path))
    _fix_zip(path)


def render_txt(doc, path, *, encoding="utf-8", newline="\n", bullet="- ", wrap=None,
               heading_style="upper", role_style="title_then_dates", name_upper=False):
    lines = []
    lines.append(doc["name"].upper() if name_upper else doc["name"])
    lines.append(doc["headline"])
    if doc.get("contact"):
        lines.append("")
        lines.extend(doc["contact"])

    def para(text, indent=""):
        if wrap:
            return textwrap.wrap(text, width=wrap, initial_indent=indent,
                                 subsequent_indent=" " * len(indent),
                                 break_on_hyphens=False, break_long_words=False)
        return [indent + text]

    for heading, blocks in doc["sections"]:
        lines.append("")
        if heading_style == "upper":
            h = heading.upper()
            lines += [h, "-" * len(h)]
        else:
            lines += [heading, "=" * len(heading)]
        for b in blocks:
            if b[0] == "p":
                lines += para(b[1])
            elif b[0] == "ul":
                for t in b[1]:
                    lines += para(t, bullet)
            elif b[0] == "lines":
                lines += list(b[1])
            elif b[0] == "role":
                if role_style == "dates_first":
                    lines.append(f"{b[2]}   {b[1]}")
                elif role_style == "pipe":
                    lines.append(f"{b[2]} | {b[1]}")
                else:
                    lines.append("")
                    lines += [b[1], b[2]]
            else:
                raise ValueError(b[0])
    text = newline.join(lines) + newline
    path.write_bytes(text.encode(encoding))


def render_md(doc, path):
    out = [f"# {doc['name']}", "", f"**{doc['headline']}**", ""]
    for heading, blocks in doc["sections"]:
        out += [f"## {heading}", ""]
        for b in blocks:
            if b[0] == "p":
                out += [b[1], ""]
            elif b[0] == "ul":
                out += [f"- {t}" for t in b[1]] + [""]
            else:
                raise ValueError(b[0])
    path.write_bytes(("\n".join(out).rstrip("\n") + "\n").encode("utf-8"))


HTML_TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title} | Scaldis Industrial Supply careers</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body {{ font-family: Arial, Helvetica, sans-serif; margin: 0; color: #222; }}
  nav {{ background: #12355b; padding: 12px 24px; }}
  nav a {{ color: #fff; margin-right: 18px; text-decoration: none; }}
  main {{ max-width: 760px; margin: 24px auto; padding: 0 16px; }}
  .cookie-banner {{ position: fixed; bottom: 0; left: 0; right: 0; background: #333; color: #fff; padding: 16px; }}
  .job-meta {{ color: #555; }}
  aside {{ border-top: 1px solid #ccc; margin-top: 32px; font-size: 0.9em; }}
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function trackApply() {{ dataLayer.push({{"event": "apply_click", "job": "account-manager-b2b"}}); }}
  var requirements = "JavaScript, Python, SQL, Kubernetes"; // tracking config, not part of the ad
</script>
</head>
<body>
<nav aria-label="Main menu">
  <a href="/">Home</a><a href="/products">Products</a><a href="/jobs">Jobs</a><a href="/about">About us</a><a href="/contact">Contact</a>
</nav>
<div class="cookie-banner" id="cookie-banner" role="dialog" aria-label="Cookie consent">
  <p>We use cookies to improve your experience and to analyse our traffic. By clicking "Accept all" you agree to
  the use of analytics and marketing cookies. Read our cookie policy for more information.</p>
  <button type="button">Accept all</button> <button type="button">Manage preferences</button>
</div>
<main>
<article class="job-posting">
<h1>{title}</h1>
<p class="job-meta">{headline}</p>
{body}
<p><a class="apply-button" href="#apply" onclick="trackApply()">Apply now</a></p>
</article>
<aside>
  <h2>Similar jobs</h2>
  <ul><li><a href="/jobs/inside-sales">Inside Sales Representative (Dutch/French)</a></li>
  <li><a href="/jobs/warehouse">Warehouse Operator with forklift licence</a></li></ul>
</aside>
</main>
<footer>
  <p>&copy; 2024 Scaldis Industrial Supply (fictional) &middot; <a href="/privacy">Privacy policy</a> &middot;
  <a href="/cookies">Cookie settings</a></p>
</footer>
<script>document.getElementById("cookie-banner").addEventListener("click", function () {{}});</script>
</body>
</html>
"""


def render_html(doc, path):
    from html import escape as hesc

    parts = []
    for heading, blocks in doc["sections"]:
        parts.append(f"<h2>{hesc(heading)}</h2>")
        for b in blocks:
            if b[0] == "p":
                parts.append(f"<p>{hesc(b[1])}</p>")
            elif b[0] == "ul":
                parts.append("<ul>\n" + "\n".join(f"  <li>{hesc(t)}</li>" for t in b[1]) + "\n</ul>")
            else:
                raise ValueError(b[0])
    html = HTML_TEMPLATE.format(lang=doc["lang"], title=hesc(doc["name"]),
                                headline=hesc(doc["headline"]), body="\n".join(parts))
    path.write_bytes(html.encode("utf-8"))


# ============================ Build plan ==================================

# (document, kind, renderer, renderer kwargs, notes for the manifest)
PLAN = [
    (CV_SOPHIE, "cv", "pdf_two_col", {}, ["two-column PDF"]),
    (CV_PIETER, "cv", "pdf_two_col", {}, ["two-column PDF", "Dutch CV for an English vacancy"]),
    (CV_BRAM, "cv", "pdf_two_col", {}, ["two-column PDF", "no matching vacancy (control)"]),
    (CV_MARK, "cv", "pdf_single", {"font": "vera"},
     ["fi/fl ligature characters (U+FB01/U+FB02)", "page footer", "English CV for a Dutch vacancy"]),
    (CV_YOUSSEF, "cv", "pdf_single", {},
     ["hyphenated line break 'communica-' / 'tievaardigheden'", "page footer"]),
    (CV_LUCAS, "cv", "docx", {}, []),
    (CV_AN, "cv", "docx", {}, ["contact details only in the DOCX page header"]),
    (CV_SANNE, "cv", "docx", {}, ["skills in a DOCX table"]),
    (CV_THOMAS, "cv", "docx", {}, ["Dutch CV for an English vacancy"]),
    (CV_ZOE, "cv", "txt", {"encoding": "cp1252", "newline": "\r\n", "bullet": "\u2022 ",
                            "role_style": "dates_first"},
     ["cp1252 encoding, CRLF line endings, accented characters"]),
    (CV_KEVIN, "cv", "txt", {"wrap": 78, "role_style": "pipe"},
     ["UTF-8, hard-wrapped at 78 columns"]),
    (CV_EMMA, "cv", "txt", {"encoding": "utf-8-sig", "bullet": "* ", "heading_style": "title",
                            "name_upper": True},
     ["UTF-8 with BOM", "English CV for a Dutch vacancy"]),
    (VAC_DEV, "vacancy", "pdf_single", {"footer": False}, []),
    (VAC_HR, "vacancy", "pdf_single", {"footer": False}, []),
    (VAC_NURSE, "vacancy", "docx", {}, ["DOCX page header"]),
    (VAC_BOEKHOUDER, "vacancy", "md", {}, ["Markdown"]),
    (VAC_MAGAZIJN, "vacancy", "txt", {"heading_style": "title"}, ["UTF-8"]),
    (VAC_SALES, "vacancy", "html", {},
     ["HTML with <nav>, <script>, <style>, cookie banner, <aside> and <footer> that are not part of the ad"]),
]

# Intended fit of each CV for each vacancy, best first (for ranking tests).
EXPECTED_RANKING = {
    VAC_DEV["file"]: [(CV_SOPHIE, "strong"), (CV_PIETER, "medium"), (CV_LUCAS, "weak")],
    VAC_NURSE["file"]: [(CV_AN, "strong"), (CV_ZOE, "medium")],
    VAC_BOEKHOUDER["file"]: [(CV_SANNE, "strong"), (CV_MARK, "medium")],
    VAC_MAGAZIJN["file"]: [(CV_KEVIN, "strong"), (CV_YOUSSEF, "medium")],
    VAC_SALES["file"]: [(CV_THOMAS, "strong"), (CV_EMMA, "weak")],
    VAC_HR["file"]: [(CV_EMMA, "strong"), (CV_THOMAS, "weak")],
}


def _format_of(renderer):
    return {"pdf_two_col": "pdf", "pdf_single": "pdf"}.get(renderer, renderer)


def build():
    for d in (CV_DIR, VAC_DIR):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    if MANIFEST.exists():
        MANIFEST.unlink()

    manifest = {"generator": "sample_docs/make_samples.py", "files": [], "expected_ranking": {}}
    for doc, kind, renderer, kwargs, notes in PLAN:
        folder = CV_DIR if kind == "cv" else VAC_DIR
        path = folder / doc["file"]
        if renderer == "pdf_two_col":
            render_pdf_two_col(doc, path, kind)
        elif renderer == "pdf_single":
            render_pdf_single(doc, path, kind, **kwargs)
        elif renderer == "docx":
            render_docx(doc, path, kind)
        elif renderer == "txt":
            render_txt(doc, path, **kwargs)
        elif renderer == "md":
            render_md(doc, path)
        elif renderer == "html":
            render_html(doc, path)
        else:
            raise ValueError(renderer)
        manifest["files"].append({
            "path": str(path.relative_to(HERE)),
            "kind": kind,
            "language": doc["lang"],
            "country": doc["country"],
            "profession": doc["profession"],
            "format": _format_of(renderer),
            "two_column": renderer == "pdf_two_col",
            "encoding": kwargs.get("encoding", "utf-8") if renderer in ("txt", "md", "html") else None,
            "notes": notes,
        })
    for vac, ranking in EXPECTED_RANKING.items():
        manifest["expected_ranking"]["vacancies/" + vac] = [
            {"cv": "cvs/" + cv["file"], "fit": fit} for cv, fit in ranking]
    MANIFEST.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


# ============================ Self-check ==================================

def _hashes():
    files = sorted(p for p in HERE.rglob("*") if p.is_file() and p.suffix != ".py")
    return {str(p.relative_to(HERE)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _extract(path, encoding, expand_ligatures=True):
    if path.suffix == ".pdf":
        import pdfplumber
        with pdfplumber.open(str(path)) as pdf:
            text = "\n".join(p.extract_text(expand_ligatures=expand_ligatures) or "" for p in pdf.pages)
            return text, len(pdf.pages)
    if path.suffix == ".docx":
        import docx
        d = docx.Document(str(path))
        parts = [p.text for s in d.sections for p in s.header.paragraphs]
        parts += [p.text for p in d.paragraphs]
        parts += [c.text for t in d.tables for r in t.rows for c in r.cells]
        return "\n".join(parts), None
    text = path.read_bytes().decode(encoding or "utf-8")
    if path.suffix == ".html":
        text = re.sub(r"(?is)<(script|style|nav|aside|footer)\b.*?</\1>", " ", text)
        text = re.sub(r'(?is)<div class="cookie-banner".*?</div>', " ", text)
        text = re.sub(r"<[^>]+>", " ", text)
    return text, None


def check():
    build()
    first = _hashes()
    manifest = build()
    second = _hashes()
    ok = True
    for name in sorted(first):
        if first[name] != second.get(name):
            print(f"NOT DETERMINISTIC: {name}")
            ok = False
    print(f"{len(second)} files, determinism {'OK' if ok else 'FAILED'}")

    import pdfplumber
    for entry in manifest["files"]:
        path = HERE / entry["path"]
        text, pages = _extract(path, entry["encoding"])
        words = sum(1 for t in text.split() if re.search(r"\w", t))
        if "(cid:" in text:
            print(f"    unmapped glyphs in {entry['path']}")
            ok = False
        lo, hi = (300, 700) if entry["kind"] == "cv" else (250, 500)
        status = "ok" if lo <= words <= hi else "OUT OF RANGE"
        ok &= status == "ok"
        extra = f", {pages} page(s)" if pages else ""
        print(f"{entry['path']:58s} {words:4d} words{extra}  {status}")
        if entry["two_column"]:
            with pdfplumber.open(str(path)) as pdf:
                pws = pdf.pages[0].extract_words()
            left = max(w["x1"] for w in pws if w["x0"] < (SIDEBAR_X1 + MAIN_X0) / 2)
            right = min(w["x0"] for w in pws if w["x0"] >= (SIDEBAR_X1 + MAIN_X0) / 2)
            gap = right - left
            print(f"    two columns: sidebar ends at x={left:.1f}, main starts at x={right:.1f}, gap {gap:.1f} pt")
            ok &= gap >= 20 and pages == 1
    youssef = _extract(CV_DIR / CV_YOUSSEF["file"], None)[0]
    hyph = "communica-\ntievaardigheden" in youssef
    print(f"hyphenated line break present: {hyph}")
    # pdfplumber expands ligatures by default; look at the raw characters
    mark = _extract(CV_DIR / CV_MARK["file"], None, expand_ligatures=False)[0]
    lig = "\ufb01" in mark and "\ufb02" in mark
    print(f"ligature characters present: {lig}")
    zoe = (CV_DIR / CV_ZOE["file"]).read_bytes()
    cp = b"\xeb" in zoe and b"\xe9" in zoe
    print(f"cp1252 bytes for \u00eb/\u00e9 present: {cp}")
    ok &= hyph and lig and cp
    print("CHECK " + ("PASSED" if ok else "FAILED"))
    return ok


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        sys.exit(0 if check() else 1)
    m = build()
    print(f"wrote {len(m['files'])} documents + manifest.json under {HERE}")
