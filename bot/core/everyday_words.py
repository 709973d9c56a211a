"""Everyday English words (18432 of them, four letters or more), as data.

A one-word customer alias that is also one of these words ("Acme", "Summit", "Slack") names
the customer only when written as a name, capitalised: "the acme of performance" is not Acme.

Generated once, and kept here so that nothing is downloaded or installed to run the bot:
the lower-case entries of Webster's Second dictionary (the `english-words` package, set
"web2") used at least about once in 600,000 words of modern English (`wordfreq` Zipf
frequency >= 2.8), plus the 3,000 most frequent English words of `wordfreq` (for words
newer than the dictionary, like "email"). To regenerate:

    from english_words import get_english_words_set
    from wordfreq import top_n_list, zipf_frequency
    web2 = get_english_words_set(["web2"])
    words = {w for w in web2 if w.isalpha() and w.islower() and len(w) >= 4
             and zipf_frequency(w, "en") >= 2.8}
    words |= {w for w in top_n_list("en", 3000) if w.isalpha() and len(w) >= 4}
"""

EVERYDAY_WORDS = frozenset(
    """
aback abandon abandoned abandonment abbas abbey abbot abbreviation abdication abdomen
abdominal abduction abed aberration abhorrent abide abiding abigail ability abject ablaze
able abnormal abnormality abnormally aboard abode abolish abolition abominable abomination
aboriginal abort aborted abortion abound about above abrasion abrasive abreast abridged
abroad abrupt abruptly abscess absence absent absentee absolute absolutely absolution
absolve absorb absorbed absorbent absorbing absorption abstain abstinence abstract
abstracted abstraction absurd absurdity absurdly abundance abundant abundantly abuse abuser
abusive abysmal abyss academic academically academy acapulco accelerate accelerated
acceleration accelerator accent accept acceptable acceptance accepted access accessibility
accessible accession accessory accident accidental accidentally accidently acclaim accolade
accommodate accommodating accommodation accompaniment accompany accomplice accomplish
accomplished accomplishment accord accordance according accordingly accordion account
accountability accountable accountancy accountant accounting accounts accreditation
accredited accrue accumulate accumulation accuracy accurate accurately accusation accuse
accused accuser accustomed acetate ache achievable achieve achievement aching acid acidic
acidity acknowledge acknowledged acknowledgement acknowledgment acme acne acorn acoustic
acoustics acquaintance acquainted acquire acquired acquisition acquittal acre acreage
acrobatic acronym across acrylic acta actin acting action actionable actions activate
activation active actively activism activist activities activity acton actor actress acts
actual actuality actually acuity acumen acupuncture acute acutely adage adam adamant adapt
adaptability adaptable adaptation adapter adaptive added addendum addict addicted addiction
adding addition additional additionally additive address adept adequacy adequate adequately
adhere adherence adhesion adhesive adieu adjacent adjective adjoining adjunct adjust
adjustable adjustment adjutant admin administer administered administration administrative
administrator admirable admirably admiral admiralty admiration admire admired admirer
admiring admissible admission admit admittance admitted admittedly adobe adolescence
adolescent adopt adopted adoption adoptive adorable adoration adore adorn adrenal adrenaline
adrift adsorption adult adultery adulthood adults advance advanced advancement advancing
advantage advantageous adventure adventurer adventurous adversary adverse adversely
adversity advert advertise advertisement advertiser advertising advice advisable advise
advised adviser advisor advisory advocacy advocate aegis aerial aero aerobic aerodynamic
aerodynamics aeronautical aeronautics aeroplane aerosol aesthetic aesthetically aesthetics
afar affair affairs affect affected affecting affection affectionate affectionately
affective affidavit affiliate affiliation affinity affirm affirmation affirmative afflicted
affliction affluent afford affordable affront afield afloat afoot afraid africa african
after afterlife aftermath afternoon afternoons afterthought afterward afterwards again
against agar agate aged agencies agency agenda agent agents ages aggravate aggravating
aggregate aggregation aggression aggressive aggressively aggressiveness aggressor aggrieved
agile agility aging agitation agnostic agonist agony agrarian agree agreeable agreed
agreeing agreement agricultural agriculture aground ahead ahem aide ailing ailment aiming
aimlessly aint aircraft airfield airing airlift airliner airman airplane airport airship
airstrip airtight airway airy aisle akin alameda alamo alan alarm alarmed alarming alas alba
albatross albeit albino album alchemist alchemy alcohol alcoholic alcoholism alder alderman
alec alert alex alfa alfalfa alfonso algae algebra algebraic algorithm alias alibi alien
alienate alienation alight align alignment alike alimony alison alive alkali alkaline alkyl
allan allegation allege allegedly allegiance allegorical allegory allele allergic allergy
alleviate alley alliance allied allies alligator allocate allocation allotment allow
allowable allowance allowed allowing allows alloy allure alluring allusion alluvial ally
alma almanac almighty almond almost alms aloe aloft alone along alongside aloof aloud alpaca
alpha alphabet alphabetical alphabetically alpine already alright also altar alter
alteration altercation alternate alternately alternating alternative alternatively
alternator although altitude alto altogether altruism altruistic alum aluminium aluminum
alumni alumnus alveolar always amalgam amalgamation amar amarillo amateur amaze amazed
amazement amazing amazingly amazon ambassador amber ambience ambient ambiguity ambiguous
ambition ambitious ambivalence ambivalent ambrose ambulance ambulatory ambush amelia amen
amenable amend amendment amends america american americans amethyst amiable amicable amid
amidst amin amino amir amiss amity amman ammo ammonia ammonium ammunition amnesia amnesty
among amongst amor amorphous amortization amount amour amphetamine amphibious amphitheater
ample amplification amplifier amplify amplitude amputation amulet amuse amused amusement
amusing amygdala amyloid anaconda anaerobic anal analogous analogue analogy analyse analyses
analysis analyst analytic analytical analytics analyze analyzer anarchism anarchist anarchy
anatomical anatomy ancestor ancestral ancestry anchor anchorage anchored ancient ancillary
andrew android anecdotal anecdote anemia anesthesia anesthetic aneurysm anew angel angeles
angelic angelica anger angle angled angler angling angrily angry angst anguish angular anil
animal animals animate animated animation animator anime animosity ankle anna annals annex
annexation annihilate annihilation anniversary annotation announce announced announcement
announcer annoy annoyance annoying annual annually annuity annulment anode anomalous anomaly
anon anonymity anonymous anonymously anorexia another answer answers antagonism antagonist
antagonistic antarctic antarctica ante antelope antenna antennae anterior anthem anthology
anthrax anthropogenic anthropological anthropologist anthropology anti antibacterial
antibiotic antibody antichrist anticipate anticipation antidote antigen antioxidant
antiquarian antiquated antique antiquity antiseptic antisocial antithesis antitrust
antiviral antivirus anus anvil anxiety anxious anxiously anybody anyhow anymore anyone
anything anyway anyways anywhere aorta aortic apache apart apartheid apartment apathetic
apathy aperture apex apical apiece apnea apocalypse apocalyptic apologetic apologize apology
apostasy apostle apostolic appalling apparatus apparel apparent apparently apparition appeal
appealing appear appearance appeared appears appease appellant appellate appendix appetite
appetizer applaud applause apple appliance applicability applicable applicant application
applications applied apply appoint appointed appointee appointment appraisal appraiser
appreciate appreciation appreciative apprehend apprehension apprehensive apprentice
apprenticeship approach approachable approaching appropriate appropriately appropriation
approval approve approved approximate approximately approximation apricot april apron
aptitude aptly aqua aquaculture aquarium aquatic aqueduct aqueous aquifer arable arbiter
arbitrarily arbitrary arbitration arbitrator arbor arboretum arcade arcane arch
archaeological archaeologist archaeology archaic archangel archbishop archdiocese archduke
arched archer archery arches archetypal archetype archipelago architect architectural
architecture archival archive archivist arctic ardent arduous area areas arena arent argent
argentine argo argon argue argument argumentative aria arid ariel arise arisen aristocracy
aristocrat aristocratic arithmetic arjun armada armament armchair armed arming armistice
armor armored armory armpit arms army aroma aromatic arose around arousal arouse arraignment
arrange arrangement array arrest arrested arresting arrival arrive arrived arrogance
arrogant arrow arrowhead arroyo arse arsenal arsenic arson arterial artery artful arthritis
article articles articulate articulated articulation artifact artificial artificially
artillery artisan artist artiste artistic artistically artistry artists arts arty asbestos
ascend ascendancy ascendant ascending ascension ascent ascertain ascetic ascii ascot asexual
ashamed ashes ashore ashraf asia asian aside asked asking asleep asparagus aspect aspects
aspen asphalt aspiration aspire aspirin aspiring assailant assassin assassinate
assassination assault assay assemblage assemble assembly assemblyman assent assert assertion
assertive assess assessed assessment assessor asset assets assign assigned assignment
assimilate assimilation assist assistance assistant associate associated association
assorted assortment assume assumed assuming assumption assurance assure assured assuring
aster asterisk asteroid asthma astonishing astonishingly astonishment astor astounding
astral astray astrologer astrology astronaut astronomer astronomical astronomy astrophysics
astute aswell asylum asymmetric asymmetrical asymmetry asymptomatic asynchronous atelier
atheism atheist athlete athletic athleticism athletics atlantic atlas atmosphere atmospheric
atoll atom atomic atone atonement atop atrial atrium atrocious atrocity atrophy atta attach
attached attachment attack attacked attacker attacks attain attainable attainment attempt
attempts attend attendance attendant attention attentive attenuation attest attic attire
attitude attorney attract attraction attractive attractiveness attributable attribute
attribution attrition atypical auburn auction auctioneer audacious audacity audible audience
audio audit audition auditor auditorium auditory augment augmentation augmented august auld
aunt auntie aura aurora auspices auspicious austere austerity australia australian authentic
authentication authenticity author authoritarian authoritarianism authoritative authorities
authority authorization authorize authorized authorship autism autistic auto
autobiographical autobiography autocratic autograph automata automatic automatically
automobile automotive autonomous autonomy autopilot autopsy autumn auxiliary avail
availability available avalanche avenge avenger avenue average averse aversion avert averted
avian aviation aviator avid avocado avoid avoidable avoidance await awake awaken awakening
award awards aware awareness away awesome awesomeness awful awfully awhile awkward awkwardly
awkwardness awoke awry axed axes axial axiom axis axle azalea azure baal baba babbling babe
babu baby baccalaureate bach bachelor back backbone backdoor backdrop backed backer backfire
background backhand backing backlash backlog backside backstage backup backward backwards
backwater bacon bacteria bacterial bacterium badge badger badlands badly badminton baffling
bafta bagel baggage bagged bagging baggy baguette baht bail bailey bailiff bain bait bake
baked baker bakery baking baku balance balanced balancing balboa balcony bald bale bali ball
ballad ballast baller ballerina ballet ballistic ballistics balloon ballot ballroom balls
balm bamboo banal banana banco band banda bandage banded banding bandit bane bang banger
banging bangkok banish banjo bank banked banker banking bankrupt bankruptcy banks banner
banning bannister banquet banshee banter baptism barb barbarian barbaric barbecue barbed
barber barbershop barcelona bard bare barefoot barely bargain barge bari baring baritone
bark barker barking barley barlow barn barnard barney barometer baron baroness baronet
baroque barra barrage barred barrel barren barricade barrier barring barrio barrister barrow
barry bartender barter barth barton basal basalt base baseball based baseless baseman
basement bases bash basic basically basil basilica basin basis bask basket basketball basque
bass bassist bastard bastille bastion batch bateman bath bathe bathing bathroom bathtub
batman baton bats batsman battalion batter battered battery batting battle battled
battlefield battleground battleship baxter bayonet bayou bazaar beach beacon bead beaded
beagle beak beaker beal beam beamed beaming bean beanie bear bearable beard bearded bearer
bearing bearish beast beastie beat beaten beater beating beau beautiful beautifully beauty
beaver bebop became because beck becker become becomes becoming bedding bedrock bedroom
bedside bedtime beech beef beehive been beer bees beet beetle befitting before beforehand
befriend began beggar begging begin beginner beginning begins begun behalf behave behavior
behavioral behemoth behest behind behold beholden beholder beige being bela belated belcher
belief believable believe believed believer believing belittle bell belle belligerent
bellows belly belong belonging beloved below belt belted belting bench bend bender bending
bene beneath benedict benefactor beneficial beneficiary benefit benefits benevolent benign
benjamin benn bennet benny bent benzene bequest bereavement bereft beret berg berger berlin
berry berserk berth bertram beryl beryllium beset beside besides besieged bespoke best
bestow beta beth bethel betray betrayal betrothed better betterment betting betty between
beverage beware bewildered bewildering beyond bezel bias bibi bible bibliography
bicentennial biceps bicycle bidder bidding bien biennial biff bigger biggest bigot bigoted
bigotry bike bikini bilateral bilbo bile bilingual bill billboard billed billiard billiards
billing billion billionaire bills billy binary bind binder binding bing binge bingo
biochemical biochemistry biographer biographical biography biological biologically biologist
biology biometric biopsy bios biosphere biosynthesis bipartisan bipolar birch bird birdie
birdman birds birth birthday birthplace birthright biscuit bisexual bishop bison bistro
bitch bite biting bitten bitter bitterly bitterness bittersweet bitumen bizarre black
blackberry blackbird blackboard blackface blackish blackjack blackmail blackness blackout
blacksmith blackwater blackwood bladder blade blah blair blake blame blamed blameless
blaming blanc blanca blanco bland blank blanket blasphemous blasphemy blast blasted blaster
blasting blatant blatantly blaze blazer blazing bleach bleached bleaching bleak bled bleed
bleeding blemish blend blended blender blending bless blessed blessing blight blind blinded
blindfold blindfolded blinding blindly blindness blink blinked blinking blip bliss blissful
blister blistering blitz blizzard bloated blob bloc block blockade blockage blockbuster
blocked blocker blocking blog bloke blonde blood blooded bloodline bloodshed bloodthirsty
bloody bloom blooming blossom blossomed blot blouse blow blower blowing blown blowout blue
blueberry bluebird bluegrass blueprint blues bluff bluish blunder blunt bluntly blur blurred
blurry blush blushing boar board boarding boardwalk boast boasting boat boating boba bobbing
bobby bobcat bobo bock bode bodied bodies bodily body bodybuilder bodyguard bogart bogey
bogus boil boiled boiler boiling boisterous bold boldly boldness bolivar bolivia bolster
bolt bomb bombardier bombardment bombed bomber bombshell bonanza bond bondage bonded bonding
bone boned boner bonfire bong bongo bonnet bonny bonus bony boob booby book booked booker
booking bookkeeper bookkeeping booklet bookmark books bookseller bookshelf bookshop
bookstore boom boomer boomerang booming boon boost booster boot booted booth booting bootleg
boots bootstrap booty booze bora border bordered bordering borderline bore boredom borg
boring born borne boron borough borrow borrower borrowing bosch bose bosh bosom boss bossy
boston botanic botanical botanist botany botched both bother bottle bottled bottleneck
bottling bottom bottomed bottomless bought boulder boulevard bounce bouncer bouncing bound
boundary bounded boundless bountiful bounty bouquet bourbon bourgeois bourgeoisie bout
bovine bowed bowel bowels bower bowie bowing bowl bowler bowling bowls bowman boxer boxing
boycott boyer boyfriend boyhood boys brace braced bracelet braces bracing bracket brad brag
bragging braid braided brain brainer brains brainwashing brake bran branch branched
branching brand branded brandy brant brash brass brat bravado brave bravely braver bravery
bravo brawl bray brazen brazil breach bread breadth break breakage breakaway breakdown
breaker breakfast breaking breakout breakthrough breakup breast breasted breastfeeding
breath breathe breathed breather breathing breathless bred bree breech breed breeder
breeding breeze breezy brent bret brethren brett brevity brew brewer brewery brewing
brewster briar bribe bribery brick bridal bride bridesmaid bridge bridging brief briefing
briefly briefs brig brigade brigadier bright brighten brightly brightness brill brilliance
brilliant brilliantly brim brimming brimstone brine bring bringing brings brink brisk
brisket brit britain british brittle broad broadcast broadcaster broaden broadly broadside
broadway broccoli brochure brock broke broken broker brokerage bronchitis bronco bronze
brooch brood brooding brook broom broth brothel brother brotherhood brotherly brothers
brought brow brown brownie browning brownish browse browser browsing bruise bruising brunch
brunette brunswick brunt brush brushed brushes brushing brutal brutality brutally brute
bubble bubbling bubbly buck bucket buckeye bucking buckle buckled bucky budding buddy budge
budget budgetary buff buffalo buffer buffet buffoon buffy bugger buggy bugle build builder
building buildings buildup built bulb bulge bulk bulky bull bulldog bulldozer bullet
bulletin bulletproof bullion bullish bullock bully bullying bumble bumblebee bummed bummer
bump bumper bumping bumpy bunch bundle bundy bungalow bungee bunk bunker bunny bunt bunting
buoy buoyancy buoyant burbank burden burdensome bureau bureaucracy bureaucrat bureaucratic
burg burgess burgh burglar burglary burial buried burke burlesque burly burn burned burner
burning burnout burnside burnt burp burr burrito burrow burst burt burton bury burying bush
bushy business businesses businessman businesswoman buss bust busted buster bustle bustling
busy butch butcher butler butt butte butter buttered butterfly buttermilk buttery button
buttoned buttons buyer buying buzz buzzard buzzer buzzing bygone bypass bystander cabal
cabaret cabbage cabernet cabin cabinet cable cabot cacao cache caddy cade cadence cadet
cadmium cadre cafeteria caffeine cage caged cain cairn cajun cake calais calamity calcium
calculate calculated calculating calculation calculator calculus calendar calf caliber
calibration calibre calico california caliph caliphate call called caller calligraphy
calling callous calls calm calmer calmly calmness caloric calorie calves calypso camaraderie
came camel cameo camera cameraman camilla camouflage camp campaign campaigner camper
campfire campground campo campus camus canada canadian canal canary cancel cancellation
cancer cancerous candid candidacy candidate candidates candle candlelight candor candy cane
canine canister canned cannibal cannibalism canning cannon cannot canny canoe canoeing canon
canonical canopy cant canteen canto canton cantor canvas canvass canyon capability capable
capacitance capacitor capacity cape caper capes capillary capital capitalism capitalist
capitalization capitalize capitulation capped capping caprice capsule captain captaincy
caption captivating captive captivity capture caramel carat caravan carbide carbine
carbohydrate carbon carbonate carboniferous carburetor carcass carcinoma card cardboard
cardiac cardigan cardinal cardiologist cardiology cardiovascular cards care career carefree
careful carefully careless carelessly carelessness carer caress caretaker cargo caribou
caricature carina carl carlin carmine carnage carnal carney carnival carnivorous carol
carolina caroline carotid carp carpenter carpentry carpet carr carriage carriageway carrick
carried carrier carrot carry carrying cars cart carte cartel carter cartilage carton cartoon
cartoonist cartridge cartwright carve carver carving cascade case cases cash cashier
cashmere casing casino cask casket cass casserole cassie cast caste caster casting castle
castor casual casually casualty catalina catalogue catalyst catalytic catapult cataract
catastrophe catastrophic catch catcher catching catchment catchy cate catechism categorical
categorically categorization categorize category cater caterpillar catfish cathartic
cathedral catheter cathode catholic catholicism cattle catwalk caucus caught cauliflower
causal causality causation cause caused causes causeway causing caustic caution cautionary
cautious cautiously cavalier cavalry cave caveat cavendish cavern caviar caving cavity
cayenne cayman cease cedar cede ceiling celebrate celebrated celebration celebratory
celebrity celery celeste celestial celiac celibacy cell cellar cello cells cellular
cellulose cement cemetery censor censorship censure census cent centenary centennial center
centered centering centerpiece centimeter central centrally centre centric centrifugal
centrifuge centrist centurion century ceramic ceramics cereal cerebral ceremonial ceremony
cern certain certainly certainty certificate certification certified certify cervical cervix
cessation chad chagrin chai chain chained chair chairman chairmanship chairwoman chakra
chalet chalice chalk challenge challenger chamber chamberlain chameleon champ champagne
champaign champion champions championship chance chancellor chancery chances chandelier
chandler chang change changed changer changes changing channel channeled channeling chant
chanting chao chaos chaotic chap chapel chaplain chapman chaps chapter char character
characteristic characteristically characterization characterize characters charade charcoal
charge charged charger charges charging chariot charisma charismatic charitable charity
charles charm charming chart charter chartered charting chase chaser chasing chasm chassis
chaste chastity chat chateau chatter chattering chatting chatty chauffeur cheap cheaply
cheat cheater cheating check checked checker checkered checkers checkmate checkout checkup
chee cheek cheeky cheer cheered cheerful cheerfully cheering cheerleader cheery cheese
cheeseburger cheesecake cheesy cheetah chef chemical chemically chemist chemistry
chemotherapy cheng cheque cherish cherry chess chest chester chesterfield chestnut chevalier
chevron chevy chew chewy chia chic chicago chick chicken chico chief chiefly chieftain child
childbirth childhood childish childless childlike children chile chili chill chilled
chilling chilly chime chimera chimney chimpanzee chin china chinese ching chino chip chipped
chipper chipping chips chiropractic chiropractor chirping chisel chit chivalry chloride
chlorine chock chocolate choice choir choke choking cholera cholesterol choose choosing chop
chopin chopped chopper chopping choppy choral chord chore choreographer choreography chorus
chose chosen chow chris christ christened christening christian christmas chromatic
chromatography chrome chromium chromosomal chromosome chronic chronically chronicle
chronological chronologically chronology chubby chuck chuckle chucky chug chum chump chun
chunk chunky church churchyard churn churning chute cider cigar cigarette cinder cinema
cinematic cinematographer cinematography cinnamon cipher circa circle circled circling
circuit circular circulate circulation circulatory circumcision circumference circumstance
circumstances circumstantial circumvent circus cirque cirrhosis cisco citadel citation cite
cities citizen citizenry citizens citizenship citrate citrus city civic civics civil
civilian civility civilization civilized clad cladding claim claimant claimed claims clam
clamp clan clandestine clap clapped clapper clapping clarendon clarification clarify
clarinet clarion clarity clark clash clasp class classed classes classic classical
classically classification classified classmate classroom classy clause claw clawed clay
clean cleaner cleaning cleanliness cleanly cleanse cleanser cleansing cleanup clear
clearance clearer clearing clearly cleavage cleave cleaver cleft clem clemency clement
clergy clergyman cleric clerical clerk clever cleverly cliche click client clientele cliff
climactic climate climatic climax climb climber climbing clinch cline cling clinging clingy
clinic clinical clinically clinician clint clinton clip clipped clipper clipping clips
clique clit clitoris clive cloak cloaked clock clocked clockwise clockwork clog clone close
closed closely closeness closer closet closure clot cloth clothes clothing cloud clouded
cloudy clough clout clove clover clown club clubbing clubhouse clubs clue clump clumsy clung
cluster clustered clustering clutch clutter coach coaching coal coalition coarse coast
coastal coaster coat coated coating coax cobalt cobbler cobra coca cocaine cock cocked
cocker cockpit cockroach cocktail cocky coco cocoa coconut cocoon code codeine codex coed
coefficient coerce coercion coercive coexist coexistence coffee coffin cognac cognition
cognitive cognizant coherence coherent cohesion cohesive cohort coil coiled coin coinage
coincide coincidence coincidental coincidentally coke cola cold colder cole coli colin
coliseum colitis coll collaborate collaboration collaborative collaborator collage collagen
collapse collar collared collateral colleague collect collected collectible collection
collective collectively collector colleen college collegiate collide collie collier colliery
collin collins collision colloquial collusion colon colonel colonial colonialism
colonization colony color colorado coloration colored colorful coloring colorless colors
colossal colossus colt columbine column columnist coma comatose comb combat combatant
combative combed combination combine combined combing combining combustible combustion come
comeback comedian comedic comedy comer comes comet comfort comfortable comfortably comforter
comforting comfy comic comical coming comma command commandant commander commanding
commandment commando commemorate commemoration commemorative commence commencement commend
commendable commendation commensurate comment commentary commentator commenter comments
commerce commercial commercialization commercially commie commissary commission commissioner
commit commitment committed committee commodity commodore common commoner commonly
commonplace commons commonwealth commotion communal commune communicable communicate
communicating communication communications communicative communicator communion communism
communist communities community commute commuter commuting compact companies companion
companionship company comparable comparative comparatively compare compared comparison
compartment compass compassion compassionate compatibility compatible compatriot compel
compelling compendium compensate compensating compensation compensatory compete competence
competency competent competition competitive competitively competitiveness competitor
compilation compile compiler complacency complacent complain complainant complaint
complement complementary complete completed completely completeness completion complex
complexion complexity compliance compliant complicate complicated complication complicity
compliment complimentary comply component compose composed composer composite composition
compositional compost composure compound compounding comprehend comprehension comprehensive
comprehensively compress compressed compression compressor comprise comprised compromise
compromising comptroller compulsion compulsive compulsory computation computational compute
computer comrade concave conceal concealed concealer concealment concede conceded conceit
conceited conceivable conceivably conceive concentrate concentrated concentration concentric
concept conception conceptual conceptually concern concerned concerning concerns concert
concerted concerto concession concierge concise conclave conclude concluding conclusion
conclusive conclusively concoction concord concourse concrete concubine concur concurrent
concurrently concussion condemn condemnation condemned condemning condensation condensed
condenser condescending condition conditional conditioned conditioner conditions condominium
condone condor conducive conduct conducted conduction conductive conductivity conductor
conduit cone cones confectionery confederacy confederate confederation conference confess
confessing confession confessional confessor confidant confide confidence confident
confidential confidentiality confidently configuration configure confine confined
confinement confirm confirmation confirmed confirming confiscate confiscation conflict
conflicting confluence conform conformation conformity confounded confounding confront
confrontation confuse confused confusion congenital congested congestion conglomerate
congratulate congregate congregation congregational congress congressional congressman
congresswoman conical conjecture conjugate conjunction conjure conn connect connected
connection connective connectivity connector conner connoisseur connotation conquer
conquering conqueror conquest conscience conscientious conscious consciously consciousness
conscription consecrated consecration consecutive consecutively consensual consensus consent
consenting consequence consequent consequential consequently conservancy conservation
conservatism conservative conservatively conservatory conserve consider considerable
considerably considerate consideration considered considering consignment consist
consistency consistent consistently consolation console consolidate consolidated
consolidation consonant consort consortium conspicuous conspicuously conspiracy conspire
conspiring constable constabulary constant constantly constellation consternation
constipation constituency constituent constitute constitution constitutional
constitutionality constitutionally constrain constrained constraint construct construction
constructive constructor consul consular consulate consult consultant consultation
consultative consulting consume consumer consuming consummate consumption contact contagion
contagious contain container containment contains contaminate contamination conte
contemplate contemplation contemplative contemporaneous contemporary contempt contender
contending content contented contention contentious contentment contents contest contestant
context contextual contiguous continent continental contingency contingent continual
continually continuation continue continued continues continuity continuous continuously
continuum contour contra contraband contraception contraceptive contract contracted
contraction contractor contractual contradict contradiction contradictory contraption
contrary contrast contribute contribution contributor control controllable controlled
controller controversial controversy conundrum convection convene convenience convenient
conveniently convent convention conventional conventionally converge convergence convergent
converging conversation conversational converse conversely conversion convert converted
converter convertible converting convex convey convict conviction convince convinced
convincing convincingly convocation convoluted convoy cook cookbook cooker cookery cooking
cool coolant cooler cooling coolness coon coop cooper cooperate copa cope copied coping
copious copped copper copy copycat copyright cora coral cord cordial cordon core corgi
coriander corinne cork corn cornea corneal corner cornered cornerstone cornet corning corny
corolla corona coronary coronation coroner corp corporal corporate corporation corps corpse
corpus corral correct corrected correcting correction correctional corrective correctly
correctness correlate correlated correlation correspond correspondence correspondent
corresponding corridor corroborate corrosion corrosive corrugated corrupt corrupted
corrupting corruption corsair corset cortex cortez cortical corvette cosmetic cosmic
cosmological cosmology cosmopolitan cosmos cost costa costing costly costs costume cosy cote
cotta cottage cotton couch cougar cough could council councilman councilor counsel counselor
count countenance counter counteract counterattack counterfeit counterpart counterpoint
countess counting countless countries country countryman countryside county coup coupe
couple coupled coupling coupon courage courageous courier course court courteous courtesy
courthouse courtroom courtship courtyard cousin cove covenant covent cover coverage covered
covering covers covert covertly covet covid coward cowardice cowardly cowboy cowl coyote
cozy crab crack crackdown cracked cracker crackers cracking crackling cradle craft craftsman
craftsmanship crafty cram cramp cramped cramping cranberry crane cranial crank cranked
cranky crap craps crash crass crate crater crave craven craving crawl crawler crawley
crawling crayfish crayon craze crazed craziness crazy cream creamy crease create created
creatine creating creation creative creatively creativity creator creature credence
credibility credible credit creditor cree creed creek creep creeper creeping creepy
cremation creole crepe crept crescendo crescent crest crested cretaceous crew crib crick
cricket cricketer cried crime criminal criminality criminally criminology crimson cringe
cripple crippling crises crisis crisp crispy criss criteria criterion critic critical
critically criticism criticize critique croc crochet crock crocker crocodile croft crook
crooked crop crore cross crossbow crosse crossed crossing crossover crossroads crossword
crotch crouch crouching crow crowd crowded crowder crown crowned croydon crucial crucially
crucible crucified crucifix crucifixion crude cruel cruelly cruelty cruise cruiser crumb
crumble crumpled crunch crunching crunchy crusade crusader crush crushed crusher crushing
crust crusty crutch crux crying crypt cryptic cryptography crystal crystalline cube cubic
cubicle cuckold cuckoo cucumber cuddle cuddly cuff cuisine culinary cull culling culmination
culpable culprit cult cultivate cultivated cultivation cultural culturally culture cultured
culver cumbersome cumin cumulative cunning cupboard cupcake curate curator curb curbing curd
cure curfew curie curing curiosity curious curiously curl curled curling curly currency
current currently curricula curricular curriculum curry curse cursed cursive cursor cursory
curt curtail curtailed curtain curvature curve curved curvy cushion cusp cuss custard
custodial custodian custody custom customary customer customers customs cutaneous cute
cuteness cutie cutler cutlery cutoff cutout cutter cutthroat cutting cyanide cycle cyclic
cyclical cycling cyclist cyclone cylinder cylindrical cynic cynical cynicism cypress cyrus
cyst cystic czar dada daddy dade daemon daft dagger daggers daily dainty dairy daisy dale
dali dalton damage damages dame damn damnation damned damning damp dampen damper damping
damsel dance dancer dancing dandelion dandy dang danger dangerous dangerously dangle
dangling daniel dank dapper darby dare daredevil daring dark darken darkly darkness darling
darn dart darts dash dashboard dashed dashing data date dates dating daughter daunting
dauphin davenport david davy dawn daybreak daydream daylight days daytime daze dazed dazzle
deacon deactivate dead deadline deadlock deadly deaf deafening deafness deal dealer
dealership dealing deals dealt dean dear dearborn dearly dearth death deathbed deathly
deaths debacle debatable debate debating debit debris debt debtor debut decade decadence
decadent decades decal decay decayed deceased deceit deceitful deceive deceiving december
decency decent decently decentralization deception deceptive deceptively decide decided
decidedly decider deciduous decimal decipher decision decisions decisive decisively deck
decked decker declaration declare declared decline declined decode decomposed decomposition
decompression decorate decorated decoration decorative decorator decorum decoy decrease
decreasing decree dedicate dedicated dedication deduce deduct deductible deduction deed deem
deep deepen deepening deeply deepwater deer defamation defamatory default defeat defect
defection defective defence defend defendant defender defense defenseless defensible
defensive defensively defer deference deferred defiance defiant defiantly deficiency
deficient deficit define defined definite definitely definition definitive definitively
deflation deflect deflected deflection deforestation deformation deformed deformity defraud
deft deftly defunct defuse defy degenerate degeneration degenerative degradation degrade
degraded degrading degree degrees dehydration dehydrogenase deity delay delaying delegate
delegation delete deletion deliberate deliberately deliberation delicacy delicate delicately
delicious deliciously delight delighted delightful delightfully delinquency delinquent
delirious delirium deliver deliverance delivered delivery dell delta deluge delusion
delusional deluxe delve demand demanding demeanor demented dementia demi demise democracy
democrat democratic democratically democrats demographic demography demolish demolition
demon demonic demonstrate demonstration demonstrator demos dengue denial denim denomination
denominational denominator denote denounce dense densely density dent dental dentist
dentistry deny deodorant depart departed department departmental departure depend dependable
dependence dependency dependent depending depends depict depiction depletion deplorable
deploy deployment deport deportation deposit deposition depository depot depraved depravity
depreciation depress depressed depressing depression depressive deprivation deprive depth
deputy derail deranged derby derelict derision derivation derivative derive derived dermal
dermatitis dermatologist dermatology derogatory derrick derry descend descendant descending
descent describe described description descriptive desert deserted desertion deserve
deserved deserving desi design designate designation designed designer designing desirable
desire desired desist desk desolate desolation despair desperate desperately desperation
despicable despise despite dessert destabilize destination destiny destitute destroy
destroyed destroyer destruction destructive detach detachable detached detachment detail
detailed details detain detect detectable detection detective detector detention deter
detergent deteriorate deterioration determinant determination determine determined
deterministic deterrence deterrent detest detonate detonation detour detract detriment
detrimental deuce devaluation devastating devastation develop developed developer developing
development developmental deviant deviate deviation device devices devil devilish devious
devise devoid devolution devonshire devote devoted devotee devotion devotional devour
devouring devout dexter dexterity dharma dhoni diabetes diabetic diabolical diagnose
diagnoses diagnosis diagnostic diagnostics diagonal diagonally diagram dial dialect dialing
dialogue dialysis diameter diamond diaper diaphragm diarrhea diary dibs dice dichotomy dick
dickens dickey dictate dictator dictatorial dictatorship dictionary diddy didnt died diehard
dielectric diem diesel diet dietary dieter differ difference differences different
differential differentiate differentiation differently difficult difficulty diffraction
diffuse diffusion digest digested digestion digestive digger digging digit digital digitally
dignified dignity digs dike dilapidated dilated dilation dildo dilemma diligence diligent
diligently dill dilute diluted dilution dime dimension dimensional diminish diminutive dine
diner ding dinghy dingy dining dinner dinosaur diocesan diocese diode dioxide diploma
diplomacy diplomat diplomatic dipole dipped dipper dipping dire direct directed direction
directional directive directly director directorate directorial directory dirk dirt dirty
disability disable disabled disadvantage disagree disagreed disagreement disappear
disappearance disappearing disappoint disappointed disappointing disappointment disapproval
disapprove disarm disarmament disarmed disarming disarray disaster disastrous disband
disbelief disc discard discern discernible discerning discharge discharging disciple
disciplinary discipline disclaimer disclose disclosed disclosure discography discoloration
discomfort disconcerting disconnect disconnected discontent discontinue discord discount
discourage discouraging discourse discover discovered discovery discredit discreet
discreetly discrepancy discrete discretion discretionary discriminate discriminating
discrimination discriminatory discuss discussion disdain disease diseased disengage
disengaged disgrace disgraceful disguise disguised disgust disgusted disgusting dish
disheartening dishonest dishonor dishwasher disillusionment disinfectant disingenuous
disintegrate disintegration disinterested disjointed disk dislike dislocated dislocation
disloyal dismal dismantle dismay dismayed dismiss dismissal dismissive disobedience disobey
disorder disordered disorderly disparaging disparate disparity dispatch dispatcher dispel
dispensary dispensation dispense dispenser dispersal disperse dispersed dispersion displace
displacement display displayed displeased displeasure disposable disposal dispose disposed
disposition disproportionate disproportionately disprove dispute disqualification disqualify
disregard disrespect disrespectful disrupt disruption disruptive diss dissatisfaction
dissatisfied dissect dissected dissection disseminate dissemination dissent dissenting
dissertation disservice dissident dissimilar dissipate dissipated dissipation dissociation
dissolution dissolve dissolving dissonance dissuade distal distance distant distaste
distasteful distillation distilled distillery distinct distinction distinctive distinctly
distinguish distinguishable distinguished distinguishing distort distorted distortion
distract distracted distraction distraught distress distressed distressing distribute
distributed distribution distributor district distrust disturb disturbance disturbed
disturbing ditch ditto diva dive diver diverge divergence divergent divers diverse
diversification diversified diversify diversion diversity divert diverting divest divide
divided dividend divider dividing divination divine diving divinity division divisional
divisive divorce divulge dixie dizziness dizzy doable dobson docile dock docker docket
doctor doctoral doctorate doctors doctrinal doctrine document documentary documentation
documents dodd dodge dodger dodgy dodo does doesnt doge dogged doggo doggy dogma dogmatic
dogs doing dole doll dollar dollars dollhouse dolly dolphin domain dome domestic
domestically dominance dominant dominate dominated domination dominion domino donate donated
donation done dong donkey donna donor dont doodle dooley doom doomsday door doorbell doors
doorstep doorway dope dorado dorm dormant dormitory dorsal dory dosage dose dossier dotted
double doubled doubling doubly doubt doubtful doubting doubtless douche dough doughnut
doughty dove dover dowager dowd down downer downfall downgrade downhill download downpour
downright downside downstairs downstream downtown downturn downward dowry dozen drab draft
drafting drag dragged dragging dragon dragonfly drain drainage drained drake dram drama
dramatic dramatically dramatist drank draper drastic drastically draught draw drawback
drawer drawers drawing drawn dread dreadful dream dreamer dreams dreamt dreamy dreary dredge
dredging dress dressage dressed dresser dressing drew dribble dried drier drift drifter
drifting drill drilling drink drinker drinking drip dripping drive driven driver driverless
drivers driveway driving drizzle drone drool drop dropout dropped dropping drought drove
drown drowsy drug drugs drugstore druid drum drummer drumming drunk drunken drunkenness
drying dryness dual duality dubious dubs duchess duchy duck ducking duct dude dudley duel
dueling duet duff dugout duke dull duly duma dumb dumbledore dummy dump dumping dune dung
dungeon dunk dunne duper duplex duplicate duplication durability durable durant duration
duress during dusk dusky dust dusting dusty dutch duty duvet dwarf dwell dwelling dyeing
dyer dying dyke dynamic dynamical dynamically dynamics dynamism dynamite dynamo dynasty
dysentery dysfunction dyslexia dystrophy each eager eagerly eagerness eagle eared earl
earlier early earn earned earner earnest earnestly earning earnings earring earth earthen
earthly earthquake earthy ease easier easiest easily easing east eastbound easter easterly
eastern eastward easy eaten eater eating eats eaves eavesdropping ebony eccentric
eccentricity ecclesiastical echelon echo eclectic eclipse ecological ecologically ecology
economic economical economically economics economist economy ecosystem ecstasy ecstatic
ecumenical eczema eddy edema edge edged edging edgy edible edict edifice edit edition editor
editorial educate educated education educational educator edward eerie eerily effect
effective effectively effectiveness effects efficacy efficiency efficient efficiently effigy
effort effortless effortlessly efforts egalitarian eggplant eggs egregious eight eighteen
eighteenth eighth eighty either ejaculation eject ejection elaborate elaboration elaine
elastic elasticity elated elbow elder elderly eldest elect elected election elections
elective elector electoral electorate electric electrical electrically electrician
electricity electrification electro electrochemical electrode electrolyte electromagnetic
electron electronic electronics electrostatic elegance elegant elegantly element elemental
elementary elements elephant elevate elevated elevating elevation elevator eleven eleventh
elicit eligibility eligible eliminate elimination elite elixir elle elliptic elliptical
elongated eloquence eloquent eloquently else elsewhere elusive elves email emancipation
embankment embargo embark embarrass embarrassed embarrassing embarrassment embassy embed
ember embezzlement emblem emblematic embodiment embody embrace embracing embroidery embryo
embryonic emerald emerge emergence emergency emergent emeritus emery emigrate emigration
eminence eminent eminently emir emissary emission emit emitter emma emmet emotion emotional
emotionally emotive empathy emperor emphasis emphasize emphatic emphatically empire
empirical employ employed employee employees employer employment emporium empower
empowerment empress emptiness empty emulate emulation emulator emulsion enable enact
enactment enamel encampment enchanting enchantment enclave enclosure encode encompass encore
encounter encourage encouragement encouraging encroachment encryption encyclopedia endanger
endearing endeavor ended endemic ending endless endlessly endocrine endogenous endorse
endorsed endorsement endothelial endowment ends endurance endure enduring enema enemy
energetic energy enforce enforceable enforced enforcement enforcer engage engaged engagement
engaging engine engineer engineering england english engraved engraving enhance enhanced
enhancement enhancer enigma enigmatic enjoy enjoyable enjoyed enjoying enjoyment enlarge
enlarged enlargement enlighten enlightened enlightening enlightenment enlist enlisted
enlistment enmity enormous enormously enough enquire enquirer enquiry enraged enrich
enriching enrichment enroll enrolled enrollment enrolment ensemble ensign enslave
enslavement ensue ensure entail entangled entanglement enter entered entering enterprise
enterprising entertain entertainer entertaining entertainment enthusiasm enthusiast
enthusiastic enthusiastically entice enticing entire entirely entirety entitled entitlement
entity entomology entourage entrance entrant entrapment entrepreneur entrepreneurial
entrepreneurship entropy entrust entry envelope enviable envious environment environmental
environmentalist environmentally environs envision envoy envy enzyme ephemeral epic
epicenter epidemic epidemiological epidemiology epidural epigenetic epilepsy epileptic
epilogue episcopal episode episodic epistemology epistle epitaph epithelial epithet epitome
epoch eponymous epsilon equal equality equalizer equally equate equation equator equatorial
equestrian equilibrium equine equinox equip equipment equitable equity equivalence
equivalent eradicate eradication erase erased eraser erasure erect erectile erecting
erection eric erika erode eroded eros erosion erotic erotica errand errant erratic erroneous
erroneously error erupt eruption escalate escalator escape escort escrow esophagus esoteric
especially espionage esquire essay essence essential essentially establish established
establishment estate esteem ester estimate estimated estimation estrogen estuary etching
eternal eternally eternity ethanol ethel ether ethereal ethic ethical ethically ethics
ethnic ethnically ethnographic ethnography ethos ethyl ethylene etiquette etymology
eucalyptus eugenics eulogy eunuch euphemism euphoria euphoric eureka europe european
euthanasia evacuate evacuation evade evaluate evaluation evangelical evangelism evangelist
evaporate evaporation evasion evasive even evening evenly event eventful events eventual
eventually ever evergreen everlasting every everybody everyday everyman everyone everything
everywhere evict eviction evidence evident evidently evil evocative evoke evolution
evolutionary evolve exacerbate exact exacting exactly exaggerate exaggerated exaggerating
exaggeration exalted exam examination examine examiner examining example examples
exasperated excavation exceed exceeding exceedingly excel excellence excellency excellent
excelsior except excepting exception exceptional exceptionally excerpt excess excessive
excessively exchange exchanger exchequer excise excitation excite excited excitedly
excitement exciting exclaim exclamation exclude excluding exclusion exclusive exclusively
exclusivity excrement excruciating excursion excuse executable execute executed execution
executioner executive executor exemplary exempt exemption exercise exert exertion exes
exhale exhaust exhausted exhausting exhaustion exhaustive exhibit exhibition exhilarating
exile exist existence existent existential existing exit exodus exorbitant exorcism exorcist
exotic expand expanded expanding expanse expansion expansive expatriate expect expectancy
expectant expectation expected expedient expedite expedited expedition expeditionary expel
expend expendable expenditure expense expensive experience experienced experiences
experiential experiment experimental experimentally experimentation experimented expert
expertly experts expiration expire expiring expiry explain explained explaining explanation
explanatory explicit explicitly explode exploded exploit exploitation exploitative
exploration exploratory explore explorer exploring explosion explosive exponent exponential
exponentially export exporter expose exposed exposition exposure express expressed
expression expressive expressly expressway expulsion exquisite exquisitely extant extend
extended extending extension extensive extensively extent exterior exterminate extermination
external externally extinct extinction extinguish extinguished extinguisher extort extortion
extra extracellular extract extracted extraction extracurricular extradition extraordinarily
extraordinary extraterrestrial extravagance extravagant extravaganza extreme extremely
extremism extremist extremity exuberant eyeball eyebrow eyed eyelash eyelid eyes eyesight
eyewitness eyre fable fabled fabric fabricate fabrication fabulous facade face facebook
faced faceless faces facet faceted facial facilitate facilitation facilitator facilities
facility facing facsimile fact faction factor factors factory facts factual factually
faculty fade faded fading fail failed failing failure faint fainting faintly fair fairer
fairly fairness fairway fairy faith faithful faithfully faithfulness fake faker falcon
falconer fall fallacy fallen falling fallow falls false falsehood falsely falter fame
familia familial familiar familiarity families family famine famous famously fanatic
fanatical fancied fanciful fancy fandom fanfare fang fanning fans fantasia fantastic
fantastical fantastically fantasy faraday faraway farce fare farewell farm farmer farmhouse
farming farrow farther farthest fascia fascinated fascinating fascination fascism fascist
fashion fashionable fashioned fast fasten faster fasting fatal fatality fatally fate fated
fateful father fathered fatherhood fatherland fathom fatigue fatter fatty faucet fault
faulty faust favor favorable favorably favored favoring favorite favourite fawn faze fear
feared fearful fearless fearsome feasibility feasible feast feat feather feathered feature
featured features february fecal feces federal federalism federalist federally federation
feeble feed feedback feeder feeding feel feeling feelings feels fees feet feisty felicity
feline fell fellow fellowship felon felony felt female feminine femininity feminism feminist
femoral femur fence fencing fend fender fennel feral ferment fermentation fern ferocious
ferocity ferret ferry fertile fertility fertilization fertilizer fervent fervor fest
festival festive fetal fetch fetched fetching fetish fetus feud feudal fever feverish fiance
fiancee fiasco fiat fiber fibrillation fibrosis fibrous fickle fiction fictional fictitious
fiddle fiddler fiddling fide fidelity fiduciary field fielded fielder fields fieldwork fiend
fierce fiercely fiery fiesta fife fifteen fifteenth fifth fifty figaro fight fighter
fighting figurative figuratively figure figured figurehead figures figurine filament file
filet filibuster filing filings fill filled filler fillet filling filly film films filter
filtering filth filthy filtration final finale finalist finalize finally finance financial
financially financier finch find finder finding finds fine finely finer finesse finger
fingered fingering fingerprint fingers finish finished finisher finishing finite fink
finland fire firearm fireball fired firefly firehouse fireman fireplace firepower firestone
firewall firewood firework firing firm firmer firmly firmness first firsthand firstly firth
fiscal fiscally fish fished fisher fisherman fishery fishing fishy fission fissure fist
fitch fitness fitted fitter fitting five fives fixation fixed fixer fixing fixture fizz
fizzy flack flag flagging flagrant flagship flagstaff flair flak flake flaky flamboyant
flame flamenco flaming flamingo flammable flange flank flanked flanking flannel flap flare
flash flashing flashlight flashy flask flat flatly flatten flatter flattering flattery
flaunt flavor flavored flavour flaw flawed flawless flawlessly flax flea fled fledgling flee
fleece fleet fleeting flemish flesh fleshy fletcher fleury flew flex flexibility flexible
flick flicker flickering flier flight flimsy flinch fling flint flip flipper flirt flirting
flirty float floating flock flocking flogging flood flooded flooding floor flooring flop
floppy flora floral florence flores florida florist floss flotation flotilla flour flourish
flourishing flow flower flowered flowering flowers flowery flowing flown fluctuate
fluctuation fluency fluent fluently fluff fluffy fluid fluidity fluke flume flung
fluorescence fluorescent fluoride flurry flush flushing flute flutter fluttering flux flyer
flying foal foam foaming focal focus focused fodder foggy foil fold folded folder folding
foliage folio folk folklore folks follicle follow followed follower following follows folly
fond fondly fondness font food fool fooling foolish foolishly foolishness foolproof foot
footage football footballer footed footer foothold footing footnote footpath footprint
footwear footwork footy forage foray forbade forbid forbidden forbidding force forced
forceful forcefully forces forcible forcibly forcing ford fore forearm forecast forecasting
foreclosure forefront forego foregoing foreground forehead foreign foreigner foreman
foremost forensic forerunner foresee foreseeable foresight forest forested forester forestry
foretold forever foreword forfeit forfeiture forge forged forgery forget forgetful
forgettable forgetting forging forgive forgiveness forgiving forgo forgot forgotten fork
forked forlorn form formal formaldehyde formality formally format formation formative formed
former formerly formidable forming forms formula formulate formulation forsake forsaken fort
forte forth forthcoming forties fortification fortify fortitude fortnight fortress fortunate
fortunately fortune forty forum forward forwarding forwards fossil foster fostering fought
foul fouling found foundation foundational founded founder founding foundry fountain four
fourteen fourteenth fourth fowl fowler foxy foyer fraction fractional fracture fragile
fragility fragment fragmentary fragmentation fragmented fragrance fragrant frail frame
framed framework framing franc france franchise francisco franco frank franklin frankly
frantic frantically frasier frat fraternal fraternity fraud fraudulent fraudulently fraught
fray frayed frazer freak freaky free freed freedman freedom freehold freeing freely freeman
freer freeway freeze freezer freezing freight freighter french frenzied frenzy frequency
frequent frequently fresco fresh freshen freshly freshman freshness fresno fret fretting
friar friction friday fried friend friendliness friendly friends friendship frigate fright
frighten frightened frightening frightful frigid fringe frisk frivolous frock frog from
front frontage frontal fronted frontier fronting frost frostbite frosted frosting frosty
frown froze frozen fructose frugal fruit fruitful fruition fruitless fruity frustrate
frustration fryer fuck fucked fucking fudge fuel fugitive fuji fulfill fulfillment fulham
full fullback fuller fullness fully fumble fumbling fuming function functional functionality
functionally functions fund fundamental fundamentalism fundamentalist fundamentally funded
funding funds funeral fungal fungi fungus funk funky funnel funny furious furiously furlong
furnace furnish furnished furnishing furniture furry further furthermore furthest fury fuse
fused fuselage fusion fuss fussy futile futility future futuristic fuzz fuzzy gabby gabi
gable gaby gadget gage gain gaining gains gait gala galactic galaxy gale galilee gall
gallant gallantry gallery galley gallon gallop galloping galloway gallows galore galvanized
gambia gambit gamble gambler gambling game games gaming gamma gamut gander gang ganga
gangster gaol gaping garage garb garbage garden gardener gardening garibaldi garland garlic
garment garner garnet garnett garnish garret garrison garter garth garvey gaseous gash
gasket gasoline gasp gasping gastric gastrointestinal gate gated gateway gather gathering
gator gaudy gauge gaunt gauntlet gauss gauze gave gaze gazelle gazette gazing gear gearbox
geared gearing gecko geek geese geezer gelatin gemma gender gene genealogical genealogy
genera general generalization generalize generalized generally generate generating
generation generational generator generic generosity generous generously genesis genetic
genetically genetics geneva genie genital genitalia genitals genius genocidal genocide
genome genomic genotype genre gens gent gentile gentle gentleman gently gentry genuine
genuinely genus geographic geographical geographically geography geologic geological
geologist geology geometric geometrical geometry geophysical geopolitical geopolitics george
geothermal geriatric germ german germanic germany germination gestation gestational gesture
getaway gets getter getting geyser ghastly ghetto ghost ghostly ghoul giant gibberish gibbon
giddy gift gifted gigantic giggle giggling gilbert gilded gill gilt gimmick gimp ginger
gingerbread ginny giraffe girdle girl girlfriend girlie girls girly giro girth gist give
giveaway given giver gives giving glacial glacier glad gladiator gladly glam glamorous
glamour glance glancing gland glare glaring glass glasses glassware glaucoma glaze glazed
glazing gleam gleaming glee glen glide glider gliding glimmer glimpse glistening glitter
glittering global globally globe gloom gloomy glorify glorious gloriously glory gloss
glossary glossy glove glover glow glowing glucose glue glued glut gluten glycol gnome goal
goalie goalkeeper goals goat gobble goblet goblin goddard goddess godfather godless godly
godmother goes goff going gold golden goldfish goldie goldsmith goldwater golf golfer
goliath gondola gone gong gonna good goodman goodness goods goodwill goody goodyear goof
goofy google goon goose gopher goran gore gorge gorgeous gorilla gory gosh gosling gospel
gossip gotta gotten gourd gourmet gout gove govern governance governess governing government
governmental governor governorship gown grab grace graceful gracefully gracious graciously
grad grade graded grader gradient grading gradual gradually graduate graduated graduating
graduation graff graft graham grail grain grained grainy gram grammar grammatical granada
grand grandchild granddaughter grandeur grandfather grandiose grandma grandmother grandpa
grandparent grandson grandstand grange granger granite granny grant granted granular grape
grapefruit grapevine graph graphic graphical graphically graphics graphite grapple grappling
grasp grasping grass grasshopper grassland grassy grate grateful gratification gratifying
grating gratis gratitude gratuitous grave gravel gravely graveyard gravitate gravitational
gravity gravy gray graze grazing grease greasy great greater greatest greatly greatness
greaves greed greedy green greener greenery greenhouse greening greenish greenwood greet
greeting grenade grew grey greyhound grid grief grievance grieve grieving grievous griffin
grill grille grilled grim grime grin grinch grind grinder grinding grinning grip gripe
gripping grit grits gritty grizzly groan groaning grocer grocery groin groom groot groove
groovy groping gross grossly grotesque grotto ground grounded grounding grounds groundwork
group grouped grouping groups grouse grout grove grow grower growing growl growling grown
growth grub grudge grueling gruesome gruff grumble grumbling grumpy grundy grunt guarantee
guard guarded guardian guardianship guarding gubernatorial guernsey guerrilla guess guessing
guest guesthouse guidance guide guidebook guideline guild guillotine guilt guilty guinea
guise guitar guitarist gulf gull gullible gully gulp gummy gump gunfire gunman gunner
gunning gunpowder guns gunshot guru gush gushing gust gusto gutter guys gymnasium gymnast
gymnastics gynecology gypsum gypsy gyro habeas habit habitable habitat habitation habitual
habitually hack hacked hacker hacking hackney haddock haggard haha hail hain hair haircut
hairdresser haired hairless hairline hairy hakeem hakim halal hale half halfback halfway
hall hallelujah hallmark hallowed hallucination hallway halo halogen halt halter halting
halved halves hamburger hamlet hammer hammering hammersmith hammock hamper hamster hamstring
hamza hand handbag handball handbook handed hander handful handgun handicap handicapped
handily handkerchief handle handled handler handling handmade handout hands handset
handshake handsome handsomely handwriting handy hang hangar hanger hanging hangout hank
hanna hapless happen happened happening happens happier happiest happily happiness happy
harass harassment harbinger harbor hard hardback harden hardening harder hardly hardness
hardship hardware hardwood hardy hare harem hark harlequin harm harman harmful harmless
harmonic harmonica harmonics harmonious harmony harness harp harper harpoon harrow harrowing
harry harsh harshly hart harvest harvester hasan hash hassle haste hasten hastily hastings
hasty hatch hatchery hatchet hatching hate hateful hater hath hatred haul haunt haunted have
haven havent having havoc hawk hawker hawking hawthorn haystack hayward hazard hazardous
haze hazel hazing hazy head headache headband headed header headgear heading headless
headlight headline headliner headmaster headphone headquarters heads headset headway heady
heal healer healing health healthful healthy heap heaps hear heard hearing hearsay hearse
hearst heart heartache heartbeat heartbreak heartbreaking heartbroken heartburn hearted
heartfelt hearth hearthstone heartily heartland heartless hearts hearty heat heater heath
heathen heather heating heave heaven heavenly heavens heavily heaving heavy heavyweight heck
hectare hectic hector hedge hedgehog hedging heed heel heeled hefty hegemony height heighten
heinous heir heiress heirloom held helical helicopter helium helix hell heller hellish hello
helm helmet help helped helper helpful helping helpless helplessly helplessness helps
hemisphere hemlock hemoglobin hemorrhage hemorrhagic hemp hence henceforth henchman henna
henry hepatic hepatitis herald herb herbal herbicide herd herding here hereafter hereby
hereditary herein hereinafter heresy heretic heretical heritage hermit hermitage hernia hero
heroic heroin heroine heroism heron herpes herring hers herself hertz hesitant hesitate
hesitation heterogeneous heterosexual hexagon hexagonal heyday hiatus hibernation hiccup
hickey hickory hidalgo hidden hide hideous hierarchical hierarchy high higher highest
highland highlander highlight highly highness highway hijack hike hilarious hilariously hill
hillbilly hillside hilltop hilly hilt himself hind hinder hindrance hindsight hinge hint
hinterland hippo hippocampus hippy hire hired hiro hiss hissing hist historian historic
historical historically historiography history hitch hitherto hits hitter hive hives hoard
hoarding hoax hobby hobo hock hockey hogan hoist hold holden holder holding holds hole
holiday holiness holistic holler hollow holly hollywood holm holocaust holographic holster
holt holy homage home homeland homeless homelessness homely homemade homemaker homeopathic
homeopathy homeowner homer homes homesick homestead homework homicide homo homogeneous
homogenous homosexual homosexuality honda hone honest honestly honesty honey honeycomb
honeymoon hong honk honor honorable honorary hood hooded hoodie hoof hook hookah hooked
hooker hookers hookup hoon hoop hooper hoot hope hoped hopeful hopefully hopeless hopelessly
hopelessness hoping hopped hopper horde horizon horizontal horizontally hormonal hormone
horn horned horner hornet horny horoscope horrendous horrible horribly horrid horrific
horror horse horseback horseman horsepower horseshoe horst horticultural horticulture hose
hospice hospitable hospital hospitality hospitalization host hostage hostel hostess hostile
hostility hosting hotel hotly hotspur hotter hough hound hour hourglass hourly hours house
household householder housekeeper housekeeping housemate houses housewife housework housing
hove hover hovering howdy howe however howl howling http hubble hubby huddle huff huge
hugely hugging hula hulk hull hulu human humane humanism humanist humanistic humanitarian
humanity humankind humanly humanoid humans humble humbly humid humidity humiliate
humiliating humiliation humility humming hummingbird humor humorous hump humpback hunch
hundred hundreds hundredth hung hunger hungry hunk hunt hunting huntsman hurdle hurl hurled
hurley hurling huron hurrah hurricane hurried hurry hurst hurt hurtful hurting husband
husbandry hush husk husky hustle hustler hutch hybrid hybridization hydrate hydrated
hydration hydraulic hydraulics hydro hydrocarbon hydroelectric hydrogen hydrology hydrolysis
hydrophobic hydroxide hyena hygiene hygienic hymn hyper hyperactivity hyperbole hyperbolic
hypertension hypnosis hypnotic hypocrisy hypocrite hypocritical hypothermia hypotheses
hypothesis hypothetical hypothetically hysteria hysterical hysterically ibis iceberg
icebreaker iced iceland icing icon iconic iconography idea ideal idealism idealist
idealistic ideally ideas identical identifiable identification identified identifier
identify identity ideological ideologically ideology idiocy idiom idiosyncratic idiot
idiotic idle idly idol idolatry idyllic igneous ignite ignition ignorance ignorant ignore
illegal illegally illegitimate illicit illiteracy illiterate illness illogical illuminate
illuminated illuminati illuminating illumination illusion illustrate illustration
illustrative illustrator illustrious image imagery images imaginable imaginary imagination
imaginative imagine imagines imam imbalance imbecile imitate imitation immaculate immaterial
immature immaturity immeasurable immediate immediately immense immensely immerse immersion
immersive immigrant immigration imminent immobile immoral immorality immortal immortality
immune immunity immunization immunology immutable impact impacted impair impairment impala
impart impartial impartiality impasse impassioned impatience impatient impeach impeachment
impeccable impedance impede impediment impeding impending impenetrable imperative imperfect
imperfection imperial imperialism imperialist impersonal impersonation impervious impetus
implant implantation implausible implement implementation implicate implication implicit
implicitly implore implosion imply import importance important importantly importation
importer impose imposing imposition impossibility impossible impossibly imposter impostor
impotence impotent impractical impress impression impressionable impressionist impressive
impressively imprint imprison imprisonment improbable impromptu improper improperly improve
improved improvement improving improvisation improvise impulse impulsive impunity impure
inability inaccessible inaccurate inaction inactive inactivity inadequate inadvertently
inanimate inappropriate inappropriately inasmuch inaugural inauguration inbound inbred
incandescent incapable incarceration incarnate incarnation incase incendiary incense
incentive inception incessant incessantly incest inch incidence incident incidental
incidentally incision incite incitement inclement inclination incline include included
includes including inclusion inclusive incognito incoherent income incoming incomparable
incompatible incompetence incompetent incomplete incomprehensible inconceivable inconclusive
inconsequential inconsiderate inconsistency inconsistent incontinence inconvenience
inconvenient incorporate incorporated incorporation incorrect incorrectly increase increased
increasing increasingly incredible incredibly incredulous increment incremental incubation
incubator incumbent incur incurable incursion indebted indecent indecisive indeed
indefensible indefinite indefinitely indelible indemnity independence independent
independently indescribable indestructible indeterminate index indexed indexing india indian
indicate indication indicative indicator indices indict indictment indifference indifferent
indigenous indigestion indignant indignation indigo indirect indirectly indiscriminate
indiscriminately indispensable indisputable indistinct indistinguishable individual
individualism individuality individually individuals indivisible indoctrination indoor
indoors induce induced induction inductive indulge indulgence indulgent indulging industrial
industrialist industrialization industry indy ineffective ineffectual inefficiency
inefficient ineligible inept inequality inert inertia inertial inescapable inevitability
inevitable inevitably inexcusable inexpensive inexperience inexperienced inexplicable
inexplicably inextricably infallible infamous infamy infancy infant infantile infantry
infarction infatuation infect infected infection infectious infer inference inferior
inferiority infernal inferno infertile infertility infestation infidelity infield infighting
infiltrate infiltration infinite infinitely infinity infirmary inflamed inflammation
inflammatory inflatable inflate inflated inflation inflationary inflection inflexible
inflict inflow influence influencer influential influenza influx info inform informal
informally informant information informational informative informed informer infra
infraction infrared infrastructure infrequent infrequently infringe infringement infuse
infusion ingenious ingenuity ingest ingestion ingrained ingredient inhabit inhabited
inhalation inhale inhaler inherent inherently inherit inheritance inhibit inhibition
inhibitor inhibitory inhuman inhumane initial initially initiate initiation initiative
inject injection injector injunction injure injured injury injustice inkling inks inland
inlet inmate innate inner innermost inning innocence innocent innocently innocuous innovate
innovation innovative innovator innuendo innumerable inorganic inpatient input inquest
inquire inquirer inquiring inquiry inquisition inquisitive inquisitor insane insanely
insanity insatiable inscription insect insecticide insecure insecurity insensitive
inseparable insert inserted insertion inset inside insider insidious insight insightful
insignia insignificant insist insistence insistent insofar insoluble insolvency insolvent
insomnia inspect inspection inspector inspiration inspirational inspire inspired inspiring
instability install installation installer installment instance instant instantaneous
instantaneously instantly instead instill instinct instinctive instinctively institute
institution institutional institutions instruct instructed instruction instructional
instructive instructor instrument instrumental instrumentation insufficient insular insulate
insulated insulating insulation insulin insult insulting insurance insure insured insurer
insurgency insurgent insurmountable insurrection intact intake intangible integer integral
integrate integration integrative integrity intellect intellectual intellectually
intelligence intelligent intelligently intend intended intending intense intensely
intensification intensify intensity intensive intensively intent intention intentional
intentionally intentioned intently inter interact interaction interactive intercept
intercepting interception interceptor interchange interchangeable interchangeably intercom
interconnection intercontinental intercourse intercultural interest interested interesting
interestingly interests interface interfere interference interfering intergovernmental
interim interior interlude intermediary intermediate intermission intermittent
intermittently intern internal internally international internationally internet internment
internship interpersonal interplanetary interplay interpolation interpret interpretation
interpreter interpretive interracial interrogate interrogation interrupt interrupted
interrupting interruption intersect intersection intersex interstate interstellar interval
intervene intervention interview interviewer interwoven intestinal intestine intimacy
intimate intimately intimidate intimidation into intolerable intolerance intolerant
intonation intoxicated intoxicating intoxication intracellular intractable intravenous
intrepid intricate intrigue intriguing intrinsic intrinsically introduce introduced
introduction introductory introspection introspective introvert introverted intrude intruder
intrusion intrusive intuition intuitive intuitively invade invader invalid invalidate
invaluable invariably invariant invasion invasive invent invention inventive inventor
inventory inverse inversely inversion inverted invest investigate investigating
investigation investigative investigator investment investor invincible invisibility
invisible invitation invitational invite invited inviting invocation invoice invoke
involuntarily involuntary involve involved involvement inward inwards iodine ionic
ionization iota iran ireland irene iridescent iris irish iron ironically ironman irony
irradiated irradiation irrational irregular irregularly irrelevant irreparable irreplaceable
irresistible irrespective irresponsible irreverent irreversible irrigation irritable
irritate irritating irritation ischemia ischemic island islander isle isolate isolated
isolating isolation isotope israel issuance issue issued issuer issues issuing isthmus
italian italics italy itch itching itchy item items iteration iterative itinerant itinerary
itself ivory jack jackal jackass jacket jackman jackson jacoby jade jaded jaeger jagged
jagger jaguar jail jake jama james jane janitor january japan japanese jargon jarring
jasmine jasper javelin jazz jazzy jealous jealousy jean jeans jeep jeff jelly jellyfish
jenna jenny jeopardize jeopardy jerk jerky jerry jersey jess jest jester jesus jetty jewel
jeweler jewelry jewish jihad jimmy jing jingle jinx jitters jive jobless jobs jock jockey
joey johannes john johnson join joined joining joint jointly joke joker jokingly jolly jolt
jones jordan joseph josh josie joss journal journalism journalist journalistic journey
journeyman joyful joyous jubilee judge judgment judicial judiciary judo juggernaut juggle
juggling juice juicy juju juke jukebox julio july jumble jumbo jump jumper junction juncture
june jungle junior juniper junk junta jurisdiction jurisprudence juror jury just justice
justifiable justifiably justification justify justifying justly juvenile juxtaposition
kaiser kala kale kaleidoscope kali kamala kamikaze kana kang kangaroo kappa karaoke karate
karma kath kayak kebab keel keen keenly keep keeper keeping keeps kelly kelp kelvin kemp
kennel kensington kent kept kern kernel kerosene kerry ketchup keto kettle kevin keyboard
keyed keyhole keynote keystone khaki khalifa khan kick kicker kicking kickoff kidnap kidney
kids kiel kiki kill killed killer killing kiln kilo kilogram kilometer kilowatt kilt kimono
kinase kind kinda kindergarten kindle kindly kindness kindred kinds kinetic kinetics king
kingdom kingfisher kingpin kink kinky kino kinship kiosk kirk kiss kissing kitchen kitchener
kite kitten kitty kiwi knack knee kneel kneeling knelt knew knickers knife knight knighthood
knit knitted knitting knob knock knocking knockout knoll knot knotted know knowing knowingly
knowledge knowledgeable known knows knuckle koala kodak kohl koko kona korea kosher kraft
kraken kremlin kudos kung kwan kyle label labor laboratory labored laborer laborious labour
labyrinth lace laced lack lackey lackluster lacquer lacrosse lactation lactic lactose lacy
ladder laden ladies lady lafayette lager lagged lagging lagoon laid lain lair laird lake
lakeland laker lakeside lama lamb lambda lambert lame lament lamented lamenting laminate
laminated lamp lance lancer lancet land landau landed lander landfall landing landlady
landline landlord landmark landowner landscape landslide lane language lantern lapping lapse
lapsed larceny lard large largely larger largest largo lark larry larva larvae larval laser
lash lass last lasting lastly latch late lately latency latent later lateral laterally
latest latex lathe latitude latter lattice lauder laugh laughable laughing laughter launch
launched launcher laundry laura laureate laurel lava lavatory lavender lavish lavishly
lawful lawfully lawless lawlessness lawmaker lawn laws lawsuit lawyer layer layered laying
layman layout lazar laziness lazy leach lead leader leaders leadership leading leads leaf
leaflet leafy league leak leakage leaky lean leaning leap leaping leapt lear learn learned
learner learning learnt lease leash leasing least leather leave leaves leaving lecture
lecturer ledge ledger leech leeches leek lees leeway left leftist leftover legacy legal
legality legalization legalize legally legend legendary legged legible legion legislate
legislation legislative legislator legislature legit legitimacy legitimate legitimately legs
leighton leisure leisurely lemon lemonade lend lender length lengthen lengthy leniency
lenient leno lens lent leopard leprosy lesion less lessen lesser lesson lest lethal lets
letter lettering letters letting lettuce leukemia levant level leveling levels lever
leverage levers leviathan levin levy lewd lewis lexical lexicon leyland liability liable
liaison liang liar libel liber liberal liberalism liberalization liberally liberate
liberation libertarian liberty libido libra librarian library lice license licensed licensee
lick licking licorice lied liege lien lies lieu lieutenant life lifeboat lifeguard lifeless
lifeline lifelong lifesaver lifesaving lifetime lift lifting ligament light lighten
lightening lighter lighthearted lighthouse lighting lightly lightness lightning lights
lightweight likable like liked likelihood likely likeness likes likewise liking lilac lily
limb limbo lime limelight limes limestone limit limitation limited limiting limitless limo
limousine limp limping lina linden line lineage linear linearly lined lineman linen liner
lines ling linger lingerie lingo lingual linguist linguistic linguistics lining link linkage
linked linking links linn lint lion lionel lipstick liqueur liquid liquidate liquidation
liquidity liquor lira lire lisp list listed listen listener listening lister listing litany
lite liter literacy literal literally literary literate literature lithium litigation litter
little liturgical liturgy livable live lived livelihood lively liver livery lives livestock
livid living lizard llama load loaded loader loading loaf loan loans loathe loathing lobby
lobbyist lobe lobo lobster local locale locality localization locally locate located
location locator loch lock locked locker locket locking lockout locksmith loco locomotion
locomotive locus locust lodge lodged lodging lodgings loft lofty logged logging logic
logical logically login logistic logistical logistics logo logos lohan lollipop lolly loma
lombard london lone loneliness lonely lonesome long longer longevity longing longitude
longitudinal longs look looked looking lookout looks lookup loom looming loon looney loop
loophole looping loose loosely loosen looser loosing loot lopsided lord lordship lore lori
lorry lose loser losing loss lost lotion lots lottery lotto lotus loud loudly lough louis
lounge lounging lousy lovable love loved lovely lover loves loving lovingly lower lowering
lowland lowly loyal loyalist loyalty lube lubricant lubrication luce lucid luck luckily
lucky lucrative lucy ludicrous luggage luke lukewarm lull lullaby lulu lumbar lumber lumen
luminosity luminous lump lumpy luna lunacy lunar lunatic lunch luncheon lung lunge lupe
lupus lure lurk luscious lush lust luster lusty lute luxe luxurious luxury lying lymph
lymphatic lymphoma lynch lynx lyra lyric lyrical lyrically lyricist macabre macao macaroni
mace machete machine machinery mack mackerel mackintosh macro macron madam madame madden
maddening made madeline madly madman madness maduro maestro magazine mage magenta magi magic
magical magically magician magistrate magma magnate magnesium magnet magnetic magnetism
magneto magnification magnificent magnitude magnolia magnum magpie maha mahatma mahogany
maid maiden mail mailbox mailed mailer mailman maimed main mainly mains mainstay maintain
maintenance maize majestic majesty major majority make maker makes makeshift maki making
mako mala malaise malaria male malevolent malfunction mali malice malicious maliciously
malignant malik mall mallard malleable mallet malnourished malnutrition malpractice malt
mamma mammal mammalian mammoth mana manage manageable managed management manager managerial
manchester mandarin mandate mandatory mane maneuver manga manganese manger mango mangrove
manhood mani mania maniac manic manicure manifest manifestation manifested manifesto
manifold manila manipulate manipulation manipulative manipulator mankind manly manna
mannequin manner mannered manners manning manny mano manor mansion manslaughter manta mantel
mantis mantle mantra manual manually manufacture manufacturer manufacturing manure manus
manuscript many maple marathon marble marbles marc marcel marcello march marco mare
margarine margarita marge margin marginal marginally marguerite maria marijuana marina
marine mariner maris marital maritime mark marked markedly marker market marketable marketer
marketing markets marking marksman markup marlin marmalade maroon marquee marquess marquis
marriage married marrow marry marrying marseilles marsh marshal mart martial martin martyr
martyrdom maru marvel marvelous mary mascara mascot masculine masculinity mash masjid mask
masked mason masonic masonry masquerade mass massa massacre massage masse massive massively
mast master masterful mastermind masterpiece mastery masturbate masturbation match matches
matching matchmaking mate mater material materialism materialistic materialize materially
materials materiel maternal maternity math mathematical mathematically mathematician
mathematics matinee mating matrices matrimonial matrimony matrix matron matt matte matter
matters mattress maturation mature maturing maturity maud maul mausoleum maverick mavis
maxim maxima maximal maximize maximum maximus maxwell maya maybe mayday mayhem mayonnaise
mayor mayoral maze mead meadow meager meagre meal mean meaning meaningful meaningfully
meaningless means meant meanwhile measles measurable measure measured measurement measures
measuring meat meaty mechanic mechanical mechanically mechanics mechanism medal medalist
medallion meddle meddling media medial median mediate mediating mediation mediator medic
medical medically medication medicinal medicine medieval mediocre mediocrity meditate
meditating meditation meditative mediterranean medium medley meek meet meeting mein
melancholy melanin melanoma melee mellon mellow melodic melodrama melodramatic melody melon
melt melted melting melton member members membership membrane memento memo memoir
memorabilia memorable memorandum memorial memorize memory menace menacing menagerie mend
mending meng menial meningitis menopause menstrual menstruation mental mentality mentally
mention mentioned mentor mentorship menu mercantile mercenary mercer merch merchandise
merchant merciful merciless mercilessly mercurial mercury mercy mere merely merge merger
meridian merit meritorious merle merlin mermaid merrily merry mesa mesh mesopotamia mess
message messages messenger messing messrs messy meta metabolic metabolism metabolite metal
metallic metallurgical metallurgy metamorphosis metaphor metaphorical metaphorically
metaphysical metaphysics metastasis metastatic meteor meteorite meteorological meteorologist
meteorology meter methadone methane methinks method methodical methodist methodological
methodology methods methyl methylation meticulous meticulously metric metrics metropolis
metropolitan mexico mezzanine mica mice michael michigan mick micro microbial microbiology
microcosm micron microphone microscope microscopic microscopy microwave midday middle
middleman middleweight middling midget midland midnight midst midsummer midway midweek
midwife midwifery might mighty migraine migrant migrate migration migratory mike mila mild
milder mildew mildly mile mileage miles milestone milieu militant militarily military
militia milk milking milky mill mille milled millennia millennial millennium miller millet
millimeter milling million millionaire millions millionth milner milo mime mimic mina mince
mind minded mindful mindfulness minding mindless mine miner mineral mines ming mingle
miniature minimal minimalism minimally minimize minimum mining minion minister ministerial
ministry mink minnie minor minority minster mint minus minuscule minute minutes miracle
miraculous miraculously mirage mirror mirrored mirza miscarriage miscellaneous mischief
mischievous misconception misconduct misdemeanor miserable miserably misery misfortune
misguided mishap misinformation mislead misleading misled mismanagement mismatch misogynist
misogynistic misogyny misread misrepresentation miss missed missile missing mission
missionary missy mist mistake mistaken mistakenly mistaking mister mistletoe mistook
mistreatment mistress mistrust misty misunderstand misunderstanding misunderstood misuse
mite mitigate mitigation mitochondria mitochondrial mitt mixed mixer mixture moan moaning
moat mobile mobility mobilization mobilize mobster mocha mock mockery mockingbird modal
modality mode model modeling models moderate moderately moderation moderator modern
modernism modernist modernity modernization modernize modest modestly modesty modification
modifier modify modular modulation module moist moisture mojo molar molasses mold molding
mole molecular molecule molestation mollie molly molten moly moment momentarily momentary
momentous moments momentum mommy momo mona monarch monarchy monastery monastic monday
monetary monetize money mong mongering moniker monitor monk monkey mono monochrome
monogamous monogram monograph monolith monolithic monologue monopoly monotonous monoxide
monsieur monsignor monsoon monster monstrous montage montana monte month monthly months
monument monumental mood moody moon moonlight moonshine moor mooring moors moose moot mora
moral morale morality morally morals moratorium moray morbid morbidity more moreover mores
morgan morgue mormon morn morning mornings moro morocco moron morph morphine morphological
morphology morris morrow morse mort mortal mortality mortar mortgage mortified mortuary
mosaic mosque mosquito moss most mostly motel moth mother motherhood motherland motif motion
motionless motivate motivation motivational motive motley motor motorcycle motoring motorist
motorway mott motto mould moulded mound mount mountain mountainous mounted mounting mourn
mourning mouse mousse mouth mouthed mouthful mouthpiece movable move moved movement mover
moves movie movies moving mower mowing mozambique much muck mucus muddy muffin muffled mufti
muir mulberry mulch mulder mule mull muller mullet mulligan multi multifaceted multilateral
multilingual multimillion multinational multiple multiplication multiplicity multiplier
multiply multiplying multitude multiverse mumble mumbling mummy mumps munch mundane
municipal municipality munitions mural murder murderer murdering murderous murky murmur
murphy muscat muscle muscular muse museum mush mushroom mushy music musical musically
musician musk musket muslim must mustache mustang mustard muster musty mutant mutation mute
mutilation mutiny mutt muttering mutton mutual mutually muzzle myocardial myriad myron
myrtle myself mysterious mysteriously mystery mystic mystical mysticism myth mythical
mythological mythology nadir naga nagging nail nailing naive naked name named nameless
namely names namesake naming nana nancy nanny napa napalm napkin napoleon napping nappy
narcissism narcissist narcissistic narcotic narration narrative narrator narrow narrower
narrowly nasal nascent nash nasty natal nation national nationalism nationalist
nationalistic nationality nationally nations nationwide native nativity natural naturalist
naturalistic naturalization naturally nature naught naughty nausea nauseous nautical
nautilus naval nave navel navigable navigate navigation navigational navigator navy neal
near nearby nearest nearly neat neath neatly nebula necessarily necessary necessitate
necessity neck necked necklace necrosis nectar need needed needham needing needle needles
needless needlessly needs needy nefarious negate negation negative negatively negativity
neglect negligence negligent negligible negotiable negotiate negotiation negotiator negro
neighbor neighborhood neighboring neither nelson neolithic neon neonatal nephew nepotism
nerve nervous nervously nervousness ness nest nestle netball nether netted netting network
neural neurological neurologist neurology neuron neuronal neuropathy neurosurgeon
neurosurgery neurotic neuter neutral neutrality neutralize neutrino neutron never
nevertheless newcomer newly newmarket news newsletter newspaper newsroom newt newton next
nexus nibble nice nicely niche nick nickel nickelodeon nickname nicky nicotine niece nifty
nigger nigh night nightfall nightingale nightly nightmare nights nighttime nimble nine
nineteen nineteenth ninety ninth nipple nirvana nitrate nitric nitro nitrogen nitrous
nobility noble nobleman nobody nocturnal nodding node noel noir noise noisy nomad nomadic
nomenclature nominal nominally nominate nominated nomination nominee none nonetheless
nonexistent nonfiction nonlinear nonpartisan nonprofit nonsense nonsensical nonstop noodle
nook noon noose nope norm norma normal normalcy normality normalization normalize normally
normative north northbound northeast northeastern northerly northern northward northwest
northwestern nose nosed nostalgia nostalgic nosy notable notably notary notation notch
notched note notebook noted notes noteworthy nothing nothingness notice noticeable
noticeably noticed notification notified notify notion notoriety notorious notoriously
notwithstanding noun nourish nourishing nourishment nous nova novel novelist novella novelty
november novice nowadays nowhere noxious nozzle nuance nuclear nuclei nucleotide nucleus
nude nudge nudist nudity nugget nuisance nuke null nullify numb number numbers numbing
numbness numerical numerically numerous nurse nursery nursing nurture nutcracker nutmeg
nutrient nutrition nutritional nutritionist nutritious nutshell nutter nutty nylon nymph
oasis oath oatmeal obama obedience obedient obese obesity obey obituary object objection
objectionable objective objectively objectivity objects obligation obligatory oblige obliged
oblique oblivion oblivious oblong obnoxious obscene obscenity obscure obscurity observable
observance observant observation observational observatory observe observer observing obsess
obsession obsessive obsidian obsolete obstacle obstetrics obstruct obstruction obstructive
obtain obtainable obtuse obvious obviously occasion occasional occasionally occidental
occult occupancy occupant occupation occupational occupy occur occurred occurrence ocean
oceanic oceanographic oceanography octagon octane octave october octopus ocular oculus oddly
odds odor offend offended offender offense offensive offensively offer offered offering
offers office officer officers official officially officials offset offshoot offshore
offspring often oftentimes ogre ohio oiled oily ointment okay olden older olfactory
oligarchy olive ombudsman omega omelette omen omer ominous omission omit omnibus omnipotent
once oncology oncoming oneness onerous ones oneself ongoing onion online only onset onshore
onslaught onto ontology onus onward onwards onyx ooze opacity opal opaque open opened opener
opening openly openness opera operate operatic operating operation operational operations
operative operator ophthalmology opiate opinion opinionated opium opponent opportunistic
opportunities opportunity oppose opposed opposing opposite opposition oppress oppressed
oppression oppressive optic optical optics optimal optimism optimist optimistic optimization
optimize optimum option optional options opulent opus oracle oral orally orange orangutan
orator oratory orbit orbital orchard orchestra orchestral orchid ordeal order ordered
orderly orders ordinance ordinarily ordinary ordinate ordination ordnance organ organic
organically organism organist organization organizational organizations organize organized
organizer orgasm orgy orient oriental orientation origin original originality originally
originate originator ornament ornamental ornate orphan ortho orthodox orthodoxy orthogonal
orthopedic oscillation oscillator osprey ostensibly osteoporosis ostrich other others
otherwise otherworldly otter otto ouch ought ounce ours ourselves oust outage outback
outboard outbound outbreak outburst outcast outcome outcry outdated outdoor outdoors outed
outer outfield outfielder outfit outflow outgoing outing outlandish outlast outlaw outlay
outlet outlier outline outlined outlook outlying outnumber outpatient outperform outplayed
outpost outpouring output outrage outrageous outrageously outreach outright outrun outset
outside outsider outspoken outstanding outward outwardly outwards outweigh oval ovarian
ovary ovation oven over overall overalls overbearing overblown overboard overcast overcome
overcrowded overdo overdone overdose overdraft overdrive overdue overestimate overflow
overflowing overgrown overhaul overhead overland overlap overlay overload overlook overlord
overly overnight overpass overpower overpowering override overrun overseas oversee overseen
overseer oversight oversized overt overtake overthrow overtime overtly overture overturn
overuse overview overwatch overweight overwhelm overwhelming overwhelmingly ovulation owing
owned owner owners ownership oxen oxidation oxidative oxide oxygen oxytocin oyster ozone
pablo pace paced pacemaker pacific pacifist pack package packer packet paco pact padding
paddle paddling paddock paddy padre pagan page pageant pages pagoda paid pain pained painful
painfully painless painstaking painstakingly paint painted painter painting pair paired
pajama pakistan palace paladin palatable palate pale paler palette pall palladium pallet
palliative palm palma palmer palpable palsy paltry pampered pamphlet panama pancake pancreas
pancreatic panda pandemic pandora pane panel pang panhandle panic panicked panorama
panoramic pant pantheon panther panties panting pantomime pantry pants panty paolo papa
papacy papal papaya paper paperback papers paprika papyrus para parable parachute parade
paradigm paradise paradox paradoxical paradoxically paragon paragraph parallax parallel
paralysis parameter parametric paramilitary paramount paranoia paranoid paranormal
paraphernalia paraphrase parasite parasitic parcel parchment pardon parent parentage
parental parentheses parenthood parents paris parish parity park parker parking parkway
parliament parliamentarian parliamentary parlor parma parochial parody parole parr parrot
parry parse parsley parson part partake parted partial partially participant participate
participation participatory particle particular particularly particulate parties partisan
partisanship partition partitioned partitioning partly partner partners partnership
partridge parts party pasha pass passable passage passageway passed passenger passer passing
passion passionate passionately passive passively passover passport password past paste
pasted pastel pasteur pastime pasting pastor pastoral pastry pasture pasty patch patchwork
patchy pate patel patent patently paternal paternity path pathetic pathfinder pathogen
pathogenesis pathogenic pathological pathologist pathology pathos pathway patience patient
patiently patients patio patriarch patriarchal patriarchy patrice patriot patriotic
patriotism patrol patron patronage patten pattern patterned patty paul paulie pause pave
pavement pavilion paving pawn pawnee payable payday payed payer paying payment payoff
payroll peace peaceful peacefully peacetime peach peachy peacock peak peaked peaking peanut
pear pearl pearly peasant peat pebble pecan peck pectoral peculiar pedagogical pedagogy
pedal peddling pedestal pedestrian pediatric pediatrician pediatrics pedigree pedophilia
pedro peed peek peel peeled peeling peep peer peeve pegged peggy pelican pell pellet pelt
pelvic pelvis penal penalty penance penang pence penchant pencil pendant pending pendulum
penetrate penetrating penetration penguin penicillin peninsula peninsular penis penitentiary
pennant penniless penny pension pensioner pent pentagon pentecostal penthouse penultimate
people pepper peppermint pepperoni peptide perceive perceiving percent percentage percentile
perception perceptive perceptual perch percussion peregrine pereira perennial peres perfect
perfected perfecting perfection perfectionist perfectly perforated perform performance
performed performer performing perfume perhaps peri peril perilous perimeter period periodic
periodical periodically peripheral periphery periscope perish perishable perished perjury
perk perky perm permanent permanently permeability permissible permission permit permitted
pernicious peroxide perpendicular perpetrator perpetual perpetually perpetuate perpetuity
perplexed perplexing perry persecution perseverance persevere persist persistence persistent
persistently person persona personal personality personally personification personnel
perspective persuade persuaded persuasion persuasive pertain pertaining pertinent pervasive
perverse perversion pervert perverted pesky peso pessimism pessimistic pest pesticide petal
pete peter petit petite petition petitioner petrie petrified petrochemical petrol petroleum
petty peyton phalanx phantom pharmaceutical pharmacist pharmacological pharmacology pharmacy
phase phases pheasant phenomena phenomenal phenomenon phenotype phew philanthropic
philanthropist philanthropy philharmonic philosopher philosophical philosophy phoebe phoenix
phone phonetic phony phosphate phosphorus phosphorylation photo photogenic photograph
photographer photographic photography photon photos photosynthesis photovoltaic phrase
phrasing phylogenetic physical physicality physically physician physicist physics
physiological physiology physiotherapy physique pianist piano piazza piccadilly piccolo pick
picked picker pickering picket pickle pickup picky picnic pico pictorial picture pictured
pictures picturesque piece piecemeal pieces pied piedmont pier pierce pierced piercing piety
pigeon piggy piglet pigment pigmentation pike pilar pile piled piles pilgrim pilgrimage
piling pill pillar pillow pilot piloting pimp pimple pinball pinch pinched pinching pine
pineapple ping pink pinkie pinky pinnacle pinned pinning pinpoint pint pinto pioneer pious
pipe piped pipeline piper piping pique piracy pirate piss pistol piston pita pitch pitcher
pitchfork pitching pitiful pitted pitting pituitary pity pivot pivotal pixie pizza pizzeria
place placebo placed placeholder placement placenta placer places placid plagiarism plague
plagued plaid plain plainly plaintiff plan planar plane planet planetary plank plankton
planned planner planning plans plant plantation planter planting plants plaque plasma
plaster plastic plasticity plastics plat plate plateau plated platelet platform plating
platinum platoon platter plausible play playa playable playback playbook playboy played
player players playful playfully playground playhouse playing playmaker playmate plays
playtime playwright plaza plea plead pleading pleasant pleasantly please pleasing
pleasurable pleasure pledge plenary plentiful plenty plethora pliers plight plot plotted
plotting plough plow plowing ploy pluck plucked plug plugged plugging plum plumage plumb
plumber plumbing plume plummer plummet plummeted plump plunder plunge plunger plunging
plural pluralism plurality plus plush plutonium plywood pneumatic pneumonia pocket podesta
podium poem poet poetic poetics poetry poignant point pointed pointer pointing pointless
points pointy poise poised poison poisoning poisonous poke poked poker poking polar polarity
polarization pole police policeman policies policy polio polish polished polite politely
politeness political politically politician politicians politico politics polity polk polka
poll pollack pollard polled pollen pollination polling pollock pollute polluted polluting
pollution polo poly polyester polyethylene polygamy polygon polymer polymerization
polynomial polystyrene polytechnic pomegranate pomp pompey pompous ponce pond ponder
pondering pong pont pontiff pony pooch poodle poof pooh pool poop pooped poor poorly popcorn
pope popeye poplar popper poppy populace popular popularity popularly populate population
populous porcelain porch porcupine pore pork pornographic pornography porous porridge port
porta portability portable portage portal ported porter portfolio portia portion portman
porto portrait portraiture portray portrayal pose posey posh posing position positional
positioned positions positive positively positivity posse possess possessed possessing
possession possessive possibility possible possibly possum post postage postal postdoctoral
posted poster posterior posterity postgraduate posthumous posthumously posting postman
postmaster postpone postponement posts postseason posture postwar potable potash potassium
potato potency potent potential potentially potion potted potter pottery potty pouch poultry
pounce pound pounder pounding pounds pour pouring pout poverty powder powdered power powered
powerful powerfully powerhouse powerless powers practicable practical practicality
practically practice practiced practices practitioner pragmatic pragmatism prairie praise
praising prank prawn praxis pray prayer praying preach preacher preaching preamble
precarious precaution precautionary precede precedence precedent preceding precinct precious
precipitated precipitation precise precisely precision preclude precocious preconceived
precursor predation predator predatory predecessor predicament predicate predict
predictability predictable predictably prediction predictive predictor predisposed
predisposition predominant predominantly predominately preface prefect prefecture prefer
preferable preferably preference preferential preferred prefix prefrontal pregnancy pregnant
preheat prehistoric prejudice prejudiced preliminary prelude premature prematurely premier
premiere premiership premise premium prenatal prentice preoccupation preoccupied preorder
prep preparation preparatory prepare prepared preparedness preposterous prerequisite
prerogative preschool prescribe prescription preseason presence present presentable
presentation presented presenter presently preservation preserve preset preside presidency
president presidential press pressing pressure prestige prestigious presto presumably
presume presumption presumptive presumptuous pretend pretended pretender pretense
pretentious pretext pretty pretzel prevail prevalence prevalent prevent preventable
preventative prevention preventive preview previous previously prey price priced priceless
prices prick prickly pricks pride priest priestess priesthood priestly prim prima primacy
primal primarily primary primate prime primer priming primitive primordial primrose prince
princely princess principal principally principle pringle print printable printed printer
printing prior priority priory prism prison prisoner pristine prius privacy private
privately privilege privileged privy prize prob probabilistic probability probable probably
probate probation probe problem problematic problems procedural procedure proceed proceeding
proceeds process procession processor proclaim proclaiming proclamation procrastination
proctor procure procurement prod prodigal prodigious prodigy produce produced producer
product production productive productivity products prof profane profanity profess professed
profession professional professionalism professionally professor proficiency proficient
profile profit profitability profitable profiting profound profoundly profusely prog
progenitor progeny progesterone prognosis program programmatic programme programmer programs
progress progression progressive progressively prohibit prohibition prohibitive project
projectile projecting projection projector projects proletarian proletariat proliferation
prolific prologue prolong promenade prominence prominent prominently promiscuous promise
promising promote promoter promotion promotional prompt promptly prone prong pronoun
pronounce pronounced pronto pronunciation proof prop propaganda propagate propagation
propane propellant propeller propensity proper properly properties property prophecy prophet
prophetic proponent proportion proportional proportionally proportionate proposal propose
proposed proposition proprietary proprietor props propulsion prose prosecute prosecution
prosecutor prospect prospective prospectus prosper prosperity prosperous prostate prosthesis
prosthetic prosthetics prostitute prostitution protagonist protect protected protecting
protection protectionism protectionist protective protector protectorate protein protest
protestant protestantism protester proto protocol proton prototype protracted proud proudly
prove proved proven provenance proverb proverbial provide provided providence provider
provides providing province provincial proving provision provisional provocation provocative
provoke provoking provost prowess proximal proximity proxy prudence prudent prudential prune
pruning prying psalm pseudo pseudonym psoriasis psych psyche psychiatric psychiatrist
psychiatry psychic psychoanalysis psychoanalytic psychological psychologically psychologist
psychology psychopath psychopathic psychosis psychosocial psychotherapy psychotic puberty
pubic public publication publicist publicity publicize publicly publish published publisher
puck pudding puddle pueblo puff puffed puffing puffy pugh puke pull pulled pulley pulmonary
pulp pulpit pulse puma pump pumpkin punch punching punctual punctuation puncture punctured
pundit pungent punish punishable punisher punishment punitive punk punt punta punter puny
pupil puppet puppy purchase purchaser purdy pure puree purely purgatory purge purging
purification purify purity purple purpose purposeful purposefully purposely purposes purse
pursuant pursue pursuit purview push pusher pushing puss pussy putative puts putt putter
putting putty puzzle puzzled puzzling pyramid python quack quad quadrangle quadrant
quadratic quadruple quail quaint quake quaker qualification qualified qualifier qualify
qualitative quality quan quantification quantify quantitative quantity quantum quarantine
quark quarrel quarry quart quarter quarterback quarterly quartermaster quarters quartet
quartz quasi quaternary quay queen queer quell quench query quest question questionable
questionnaire questions queue quick quicken quickly quickness quicksilver quid quiet quieter
quietly quill quilt quilted quince quinoa quintessential quintet quirk quirky quit quite
quits quiver quiz quorum quot quota quotation quote quotient rabbi rabbit rabble rabid
rabies raccoon race racecourse racer raceway racial racially racing racism racist rack
racket racketeering racking racy radar radial radiance radiant radiate radiated radiation
radiator radical radicalism radically radio radioactive radioactivity radiocarbon
radiological radiology radiotherapy radium radius radon raffle raft rage ragged raging raid
raider rail railing railroad railway rain rainbow rainer rainfall rainy raise raised raiser
raisin raising raja rake raking rally ralph ramble rambling rami ramp rampage rampant
ramping rana ranch rancher rancho rancid rand randle random randomly randomness randy rang
range ranged ranger ranging rani rank ranked ransom rant ranting rape rapid rapidly raping
rapist rapper rapping rapport raptor rapture rare rarely rarity rascal rash raspberry
ratchet rate rated rates rather ratification ratify rating ratio ration rational rationale
rationality rationalize rationally rattle rattled rattlesnake rattling raucous rave raven
ravens ravine raving ravioli raya rayon razer razor reach reached reaching react reaction
reactionary reactive reactivity reactor read readable reader readership readily readiness
reading ready reaffirm reagent real realignment realism realist realistic realistically
reality realization realize realized realizing really realm realtor realty reap reaper
reappear rear rearrange reason reasonable reasonably reasoned reasoning reasons reassess
reassignment reassurance reassure reassured reassuring rebate rebel rebellion rebellious
rebirth reborn rebound rebrand rebuild rebuilt rebuke rebuttal recall recap recapture recast
receipt receipts receivable receive received receiver receiving recent recently receptacle
reception receptionist receptive receptor recess recession recessive recharge recipe
recipient reciprocal reciprocity recital recitation recite reckless recklessly reckon
reckoning reclaim reclamation recluse recognition recognizable recognize recognized recoil
recollection recombination recommend recommendation recon reconcile reconciliation
reconciling reconnaissance reconnect reconsider reconstruct reconstructed reconstruction
reconstructive record recorded recorder recording records recount recoup recourse recover
recoverable recovery recreate recreation recreational recruit recruiter recruiting
recruitment rectal rectangle rectangular rectified rectify rector rectory rectum recurrence
recurrent recurring recursive recycle redding reddish reddy redeem redeemer redefine
redemption redesign redevelopment redhead redirect rediscover redistribution redness redo
redone redress reduce reduced reducing reduction redundancy redundant redwood reed reef reel
reese reeve refer referee reference referendum referral referred refill refinance refine
refined refinement refinery refining reflect reflected reflecting reflection reflective
reflector reflex reflexive reflux reform reformation reformed reformer reformist refractive
refractory refrain refresh refresher refreshing refreshment refrigeration refrigerator
refuel refueling refuge refugee refund refurbishment refusal refuse refused refusing refute
regain regal regard regarding regardless regatta regency regenerate regeneration
regenerative regent regime regimen regiment regimental region regional regionally regions
register registered registrar registration registry regression regressive regret regrettable
regrettably regroup regular regularity regularly regulate regulated regulation regulator
regulatory rehabilitate rehabilitation rehearsal rehearse reign reimburse reimbursement rein
reina reincarnation reindeer reinforce reinforcement reins reinstate reinstatement
reinsurance reinvent reissue reiterate reiterated reject rejection rejoice rejoicing rejoin
relapse relatable relate related relation relational relations relationship relationships
relative relatively relativistic relativity relaunch relax relaxation relaxed relay release
released relegation relentless relentlessly relevance relevant reliability reliable reliably
reliance reliant relic relief relieve relieved reliever relieving religion religious
religiously relinquish relish relive reload relocate relocation reluctance reluctant
reluctantly rely remade remain remainder remained remaining remains remake remand remark
remarkable remarkably rematch remedial remediation remedy remember remembrance remind
reminder reminisce reminiscent remission remit remix remnant remodel remorse remote remotely
removable removal remove removed remover removing remuneration renaissance renal rename
render rendering rendezvous rendition renegade renew renewable renewal renounce renovate
renovation renown renowned rent rental rented reopen reorganization reorganize repair
repatriation repay repayment repeal repeat repeated repeatedly repeater repel repellent
repent repentance repertoire repertory repetition repetitive rephrase replace replaceable
replaced replacement replay replenish replete replica replicate replicated replication reply
report reported reportedly reporter reporting reports repository repost reprehensible
represent representation representative representatives represented repress repressed
repression repressive reprieve reprimand reprint reprisal reprise reproach reproduce
reproduction reproductive reps reptile republic republican repugnant repulsive repurchase
reputable reputation reputed request requiem require required requirement requirements
requires requisite reread rerun resale reschedule rescind rescue research researcher resell
resemblance resemble resent resentful resentment reservation reserve reserved reservoir
reset resettlement reshape reshuffle reside residence residency resident residential
residents residual residue resign resignation resigned resilience resilient resin resist
resistance resistant resisting resistor resolute resolutely resolution resolve resolved
resonance resonant resonate resonator resort resounding resource resourceful resources
respect respectability respectable respectful respectfully respecting respective
respectively respiration respiratory respite respond respondent responder response
responsibility responsible responsibly responsive responsiveness rest restart restaurant
resting restitution restless restlessness restoration restorative restore restrain
restrained restraining restraint restrict restricted restriction restrictive result
resultant resulting results resume resumption resupply resurgence resurrect resurrection
resuscitation retail retailer retain retainer retaining retake retaliate retaliation
retaliatory retard retardation retarded retelling retention rethink retina retinal retire
retired retirement retiring retort retract retractable retracted retraction retreat
retreating retribution retrieval retrieve retriever retroactive retroactively retrograde
retrospect retrospective retrospectively return returned returns reunification reunion
reunite reuse revamp reveal revealed revealing revel revelation revenge revenue reverb
revere revered reverence reverend reversal reverse reversed reversible reversing revert
review reviewer reviews revise revision revisionist revisit revitalization revitalize
revival revive reviving revocation revoke revolt revolting revolution revolutionary
revolutionize revolve revolver revolving revue reward rewarding rewind rework reworked
rewrite rhapsody rhea rhetoric rhetorical rheumatoid rhine rhino rhinoceros rhubarb rhyme
rhythm rhythmic ribbed ribbon rice rich richard riches richly richness rick rickshaw
riddance ridden riddle ride rider ridge ridicule ridiculous ridiculously riding rife riff
rifle rift rigging right righteous righteousness rightful rightfully rightly rights rigid
rigidity rigor rigorous rigorously riley ring ringed ringer ringing rink rinse riot rioting
ripe ripper ripping ripple rise risen riser rising risk risky rita rite ritual rival rivalry
river riverside riveting roach road roadblock roads roadside roadster roadway roam roaming
roanoke roar roaring roast roasting robber robbery robbing robe robert robin robot robust
robustness rock rocker rocket rocking rocky rode rodent rodeo rodman rodney rogan roger
rogue rohan role roll rolled roller rolling romance romantic romantically romanticism romero
romp rondo roof roofing rook rookie room roommate rooms roost rooster roosters root rooted
rope roper ropes rory rosario rosary rose rosemary rosewood ross roster rosy rotary rotate
rotated rotating rotation rotational rote rotor rotten rotting rouge rough rougher roughly
roughness roulette round roundabout rounded rounder rounding roundup rouse rousing rout
route router routine routinely routing rove rover roving rowan rowdy rower rowing roxy royal
royale royalist royalty rubbed rubber rubbing rubbish rubble ruby ruckus rudd rudder ruddy
rude rudely rudeness rudimentary ruff ruffled rufus rugged ruin ruined rule ruler rules
ruling rumble rumbling rumor rump runaway rune rung runner running runny runoff runs runway
rupee rupture ruptured rural ruse rush rushed rusher rushing ruskin russel russia russian
rust rustic rustling rusty ruth rutherford ruthless ruthlessly ryan ryder sabbath sabbatical
saber sabine sable sabotage sack sacked sacking sacrament sacred sacrifice sacrificial
sacrificing saddle saddled sade sadistic sadly sadness safari safe safeguard safely safety
saffron saga sage sagging sagittarius sahib said sail sailboat sailed sailing sailor saint
sake salaam salad salaried salary sale sales salesman salespeople salesperson salient saline
salinity saliva salle sally salmon salmonella salomon salon saloon salt salted salter salty
salute salvage salvation salve salvo samba same sammy sample sampler sampling samson samurai
sanatorium sancho sanction sanctity sanctuary sanctum sand sandal sandbox sander sanders
sandman sandstone sandwich sandy sane sang sanger sanitary sanitation sanity sank sans sant
sapphire sarcasm sarcastic sarcastically sari sarkar sash saskatoon sass sassy satan satanic
satchel satellite satin satire satirical satisfaction satisfactorily satisfactory satisfied
satisfy satisfying saturated saturation saturday sauce saucepan saucer saucy sauna saunders
sausage savage savagery savanna save saved saver saving savior savor savory savoy savvy
sawdust sawed sawmill sawyer saxophone saying says scaffold scaffolding scala scalable
scalar scale scaled scales scaling scalp scaly scam scan scandal scandalous scanner scanning
scant scapegoat scar scarce scarcely scarcity scare scarecrow scared scarf scarface scarlet
scarred scarring scary scat scathing scatter scattered scattering scavenger scavenging
scenario scene scenery scenes scenic scent scented schedule schema schematic scheme scheming
schiller schilling schism schizophrenia schizophrenic schneider scholar scholarly
scholarship scholastic school schoolboy schooled schoolgirl schoolhouse schooling schools
schoolteacher schooner schwarz science scientific scientifically scientist scion scissor
scissors sclerosis scold scolding scoop scooped scooping scooter scope scorched scorching
score scoreboard scored scoreless scorer scoring scorn scorned scorpion scot scotch scotia
scotland scott scottish scour scoured scourge scouring scout scouting scrabble scramble
scrambling scrap scrapbook scrape scraped scraping scrapped scrapping scrappy scratch
scratches scratching scream screaming screech screeching screen screened screening
screenplay screenwriter screw screwdriver screwed screwing scribe scrimmage script
scriptural scripture scroll scrolled scrooge scrotum scrub scrubbed scruffy scrum scrutiny
sculpt sculptor sculptural sculpture scum seaboard seal sealed sealing seam seaman seamless
seamlessly seaport search searchable searching seared searing seashore seaside season
seasonal seasonally seasoned seasoning seasons seat seated seater seating seats seaweed
secession secluded seclusion second secondary secondhand secondly seconds secrecy secret
secretariat secretary secretion secretive secretly sect sectarian section sectional sector
secular secularism secure securely security sedan sedation sedative sedentary sediment
sedimentary sedition seduce seducing seduction seductive seed seeded seedy seeing seek
seeker seeking seem seemed seeming seemingly seems seen seer sees seething segment
segmentation segmented segregation seine seismic seize seizing seizure seldom select
selected selection selective selectively selectivity selector selenium self selfish
selfishness selfless sell seller selling sellout semantic semantics semblance semen semester
semi semiconductor semifinal seminal seminar seminary semis senate senator senatorial send
sender sending senile senior seniority senna sensation sensational sense sensed senseless
sensibility sensible sensibly sensitive sensitivity sensor sensory sensual sensuality sent
sentence sentient sentiment sentimental sentimentality sentinel sentry separate separately
separates separating separation separatist separator sepsis sept september septic septum
sequel sequence sequential sequentially sequestration sera serenade serene serenity serge
sergeant serial series serious seriously seriousness sermon serpent serpentine serra serrano
serrated serum servant serve served server service serviceable services serving servitude
servo sesame session sessions setback seth seton sets setter setting settle settled
settlement settler settling setup seven seventeen seventeenth seventh seventy sever several
severance severe severely severity sewage sewed sewer sewerage sewing sewn sexton sexual
sexuality sexually sexy shabby shack shad shade shaded shading shadow shadowed shadowing
shadowy shady shaft shag shaggy shah shake shaken shaker shakers shaking shaky shale shall
shallow shalom shalt sham shaman shame shamed shameful shameless shamelessly shampoo
shamrock shan shanghai shank shape shaped shaping shard share shared shareholder shares
sharing shark sharp sharpen sharper sharply sharpness shatter shattering shave shaved shaven
shaving shaw shawl shay shea shear shearer shearing shears sheath shed shedding sheen sheep
sheer sheet sheik shelf shell shelled shellfish shelling shelly shelter sheltered shelving
sheng shepherd sher sheriff sherlock sherry shield shielded shielding shift shifter shifting
shih shilling shimmer shimmering shin shine shingle shingles shining shiny ship shipbuilding
shipment shipped shipper shipping ships shipwreck shipyard shire shirt shirtless shit shiv
shiver shivering shoal shock shocker shocking shockingly shoddy shoe shoemaker shoes shogun
shone shoo shook shoot shooter shooting shop shopkeeper shoplifting shopper shopping shore
short shortage shorten shortening shorter shortfall shorthand shortly shortness shorts
shortstop shot shotgun shots should shoulder shouldered shouldnt shout shouting shove shovel
show showcase showdown showed shower showing shown showroom shows shrank shrapnel shred
shredder shredding shrewd shrill shrimp shrine shrink shrinkage shrinking shroud shrouded
shrub shrug shrunk shudder shuffle shuffling shun shunt shut shutdown shutout shutter
shutting shuttle shyness sibling sicilian sick sickening sicker sickle sickly sickness side
sided sideline sides sidewalk sideways siding siege sienna sierra sieve sift sifting sigh
sighing sight sighted sighting sigma sign signal signatory signature signed significance
significant significantly signify signs silence silenced silent silently silhouette silica
silicon silicone silk silky sill silly silo silt silva silver silverware silvery similar
similarity similarly simmer simple simpler simplex simplicity simplification simplified
simplify simplistic simply simulate simulation simulator simultaneous simultaneously sina
since sincere sincerely sincerity sine sinful sing singer singh singing single singled
singles singleton singular singularity sinister sink sinking sinner sinus sion siphon sire
siren sissy sister sisterhood site sites sith sitter sitting situated situation situational
siva sixteen sixteenth sixth sixty sizable size sizeable sized sizes sizing sizzle sizzling
skate skater skating skeletal skeleton skeptic skeptical skepticism sketch sketching sketchy
skew skewed skid skier skies skiing skill skilled skillet skillful skillfully skills skim
skimmed skimming skin skinned skinner skinny skip skipper skipping skirmish skirt skit skull
skunk skylight skyscraper slab slack slade slag slain slam slander slang slant slap slapping
slash slashed slasher slashing slate slater slaughter slaughterhouse slave slavery slay
slayer slaying sleazy sled sledge sleek sleep sleeper sleeping sleepless sleepy sleet sleeve
sleeved sleeveless sleigh slender slept slew slice sliced slicing slick slid slide slider
sliding slight slightly slim slime slimy sling slingshot slip slipped slipper slippery
slipping slit sliver sloan slog slogan sloop slope sloping sloppy slot sloth slotted slough
slow slowdown slowly slows sludge slug slugger sluggish slum slumber slump slung slur slurry
slush slut slutty smack smacking small smaller smallpox smalls smart smartly smash smashing
smear smeared smell smelled smelling smelly smelt smelter smile smiling smirk smite smith
smitten smog smoke smoked smoker smoking smoky smooth smoother smoothing smoothly smoothness
smother smothered smudge smug smuggle smuggler smuggling smut smyth snack snag snagged snail
snails snake snap snape snapped snapper snapping snappy snaps snapshot snare snatch snatched
snatching sneak sneaker sneaking sneaky sneeze sneezing snell sniff sniffing snip snipe
sniper sniping snippet snitch snob snooker snoop snoopy snooze snoring snort snorting snot
snout snow snowball snowfall snowflake snowstorm snowy snub snuck snuff snug snuggle soak
soaked soaking soap soar soaring sobbing sober sobering sobriety soccer sociable social
socialism socialist socialite socialization socialize socially societal society
socioeconomic sociological sociologist sociology sock socket soda sodium sodomy sofa soft
softball soften softening softly softness software soggy soho soil soiled solace solar sold
solder soldering soldier soldiers sole soleil solely solemn solemnly soles solicit
solicitation solicited soliciting solicitor solid solidarity solidify solidly solitaire
solitary solitude solo soloist solstice solubility soluble solution solve solvent solver
soma somatic somber sombre some somebody someday somehow someone someplace somers somerset
something sometime sometimes somewhat somewhere sonar sonata song songs sonic sonnet sonny
sons soon sooner soot soothe soothing sophia sophisticated sophistication sophomore soprano
sora sorcerer sorcery sordid sore sorely soreness sorghum sorority sorrow sorry sort sorted
sought soul soulful soulless sound sounding soundly sounds soup sour source sources south
southbound southeast southeastern southerly southern southland southward southwest
southwestern souvenir sovereign sovereignty soviet sowing sown soybean space spaced spacer
spaceship spacing spacious spade spaghetti spain spalding spam span spangled spaniel spanish
spank spanking spar spare sparing sparingly spark sparked sparking sparkle sparkling sparkly
sparks sparky sparring sparrow sparse sparsely spasm spat spatial spatula spawn spawning
speak speaker speaking spear spearhead spec special specialist speciality specialization
specialize specialized specially specialty species specific specifically specification
specificity specify specimen speck speckled specs spectacle spectacles spectacular
spectacularly spectator specter spectra spectral spectrometer spectrometry spectroscopy
spectrum speculate speculation speculative sped speech speechless speed speeding speedway
speedy spell spelling spelt spence spencer spend spending spent sperm spew spewing sphere
spherical sphinx spice spiced spicer spicy spider spied spiegel spike spiked spill spilt
spin spinach spinal spindle spine spineless spinner spinning spiral spire spirit spirited
spiritual spirituality spiritually spit spite spiteful spitfire spitting splash splashed
splashing spleen splendid splendor splice splicing splinter split splitter splitting splurge
spoil spoiled spoiler spoiling spoilt spoke spoken spokesman spokeswoman sponge sponsor
sponsorship spontaneity spontaneous spontaneously spoof spook spooky spool spoon spooner
spoonful sporadic sporadically spore sport sporting sports sportsman sportsmanship
sportswear sporty spot spotless spotlight spotted spotter spotting spotty spousal spouse
spout spouting sprain sprang sprawl sprawling spray spread spreading spree spring
springboard springer springing springtime sprinkle sprinkled sprinkler sprinkling sprint
sprinter sprite sprout sprouting spruce sprung spun spur spurious spurred spurt sputtering
squad squadron square squared squarely squash squat squatting squeak squeaky squeal squeeze
squeezing squid squint squire squirrel squirt squish squishy stab stabbing stability
stabilization stabilize stabilizer stable stack stadium staff staffed staffer stag stage
stagecoach staged stagger staggering staging stagnant stagnation stain staining stainless
stair staircase stairway stake stakeholder stale stalemate stalk stalked stalker stalking
stall stalling stallion stalwart stamina stamp stampede stamping stance stand standard
standardization standardized standards standing standoff standout standpoint stands
standstill stanza staple star starboard starch stardom stare starfish staring stark
starlight starling starred starring starry stars starship start started starter starting
startling starts starvation starve starved stash stasis state stated statehood stateless
stately statement statements states stateside statesman static station stationary stationery
statistic statistical statistically statistician statistics statue stature status statute
statutory staunch stave stay stayed staying stays stead steadfast steadily steady steak
steal stealing stealth steam steamboat steamer steaming steamship steamy steed steel steely
steep steeper steeply steer steering stein stella stellar stem stemmed stemming stench
stencil stenosis stent step stepfather stepmother steppe stepped stepping steps stepson
stereo stereotype stereotypical stereotyping sterile sterilization sterling stern steroid
steve steven stew steward stewardship stick sticker stickers sticking sticks sticky stiff
stiffness stifle stifling stigma still stillness stimulant stimulate stimulation stimuli
stimulus sting stinger stinging stingray stingy stink stinking stint stipend stipulation
stir stirring stitch stitching stochastic stock stocking stockpile stocks stoic stoke stoker
stole stolen stomach stomp stone stoned stoner stonewall stony stood stool stoop stop
stoppage stopped stopper stopping storage store stores storied stories stork storm storming
stormy story storyteller storytelling stout stove stow straight straighten straightforward
strain strained straining strait strand strange strangely stranger strangle strangling strap
strapped strapping strata strategic strategically strategist strategy stratigraphic
stratosphere straw strawberry stray streak stream streamer streaming streamline streamlined
streep street streetcar streets strength strengthen strengthening strenuous stress stressful
stretch stretcher strewn stricken strict strictly stride strife strike striker striking
strikingly string stringent stringer strip stripe striped stripped stripper stripping strive
striving strode stroke stroking stroll stroller strong stronger stronghold strongly stroud
struck structural structurally structure structured struggle struggling strung strut stub
stubble stubborn stubbornly stubbornness stucco stuck stud student students studied studies
studio study stuff stuffed stuffing stuffy stumble stumbling stump stun stung stunner
stunning stunningly stunt stunted stupid stupidity stupidly sturdy sturgeon stutter
stuttering style styling stylish stylist stylistic stylus suave subclass subcommittee
subconscious subconsciously subcontinent subculture subcutaneous subdivision subdue subdued
subgroup subject subjected subjective subjectivity sublime subliminal submarine submerged
submission submissive submit subordinate subpoena subscribe subscriber subscription
subsection subsequent subsequently subservient subset subside subsidiary subsidize subsidy
subsistence subspace subspecies substance substandard substantial substantially substantiate
substantive substation substitute substituted substituting substitution substrate subsurface
subsystem subterranean subtext subtitle subtle subtlety subtly subtract subtraction
subtropical subtype subunit suburb suburban subversion subversive subvert subway succeed
succeeding success successful successfully succession successive successively successor
succinct succinctly succulent succumb such suck sucker sucking suction sudden suddenly suede
suffer suffered sufferer suffering suffice sufficiency sufficient sufficiently suffix
suffocate suffocating suffocation suffrage sugar sugary suggest suggested suggesting
suggestion suggestive suicidal suicide suing suit suitability suitable suitably suitcase
suite suitor sully sulphur sultan sultry sumatra summarily summarize summary summation
summed summer summertime summit summon summons sumner sumptuous sunburn sunday sundown
sunflower sung sunk sunken sunlight sunny sunrise sunset sunshine super superannuation
superb superbly supercharged superficial superficially superfluous superhero superhuman
superimposed superintendent superior superiority superman supermarket supernatural supernova
superpower supersonic superstition superstitious superstructure supervise supervision
supervisor supervisory supper supple supplement supplemental supplementary supplementation
supplier supply support supported supporter supporting supportive suppose supposed
supposedly supposing suppress suppressed suppression suppressor supremacy supreme supremely
surat surcharge sure surely surety surf surface surfaced surfacing surfboard surfer surge
surgeon surgery surgical surgically surging surly surname surpass surpassing surplus
surprise surprised surprising surprisingly surrender surrey surrogate surround surrounded
surrounding surroundings surveillance survey surveying surveyor survival survive surviving
survivor susceptibility susceptible suspect suspected suspend suspended suspense suspension
suspicion suspicious suspiciously sustain sustainable sustained sustaining sustenance sutra
suture swab swag swagger swain swallow swam swami swamp swan swap swapping swarm swarming
swastika swat swatch swath sway swayed swaying swear sweat sweater sweating sweaty sweep
sweeper sweeping sweet sweetener sweetheart sweetie sweetly sweetness swell swelled swelling
swept swerve swift swim swimmer swimming swimsuit swine swing swinging swipe swirl swish
swiss switch switchboard switched switching swivel swollen swoon swoop sword swordsman swore
sworn swung sycamore sydney syllable syllabus sylvester symbiotic symbol symbolic
symbolically symbolism symbolize symmetric symmetrical symmetry sympathetic sympathize
sympathy symphonic symphony symposium symptom symptomatic synagogue synapses synaptic sync
synchronization synchronized synchronous syndicate syndication syndrome synergy synod
synonym synonymous synopsis syntactic syntax synthesis synthesize synthesizer synthetic
syphilis syringe syringes syrup system systematic systematically systemic systems tabernacle
table tableau tabled tables tablespoon tablet tabloid taboo tacit tack tackle tackled
tackling tacky tact tactic tactical tactically tactics tactile taft tagged tail tailed
tailor tailoring taint tait take takedown taken taker takes takin taking talbot tale talent
talented tales talisman talk talkative talked talker talkie talking talks tall taller tally
talon tamara tame tammy tamper tampon tana tandem tang tangent tangible tangle tango tania
tank tanker tanned tanner tanning tantamount tantrum tapas tape taper tapered tapering
tapestry tapping taps tara target targeted tariff tarmac tarnish taro tarot tarp tart tartan
tartar task taste tasted tasteful tasteless tasting tasty tate tattered tattoo taught taunt
taunting taut tavern taxable taxation taxed taxes taxi taxing taxis taxonomic taxonomy
taxpayer taylor teach teacher teachers teaching teak teal team teaming teammate teams
teamwork teapot tear tearful tearing teary tease teaser teasing teaspoon tech technical
technicality technically technician technique techniques technological technologically
technology tectonic tedious teeming teen teenage teens teeny teeth teething tekken tele
telecast telecommunication telegram telegraph telemetry telepathy telephone telephony
telescope television telford tell teller telling tells telltale temp temper temperament
temperance temperate temperature tempered tempest templar template temple tempo temporal
temporarily temporary tempt temptation tempting tenacious tenacity tenancy tenant tend
tendency tender tenderness tending tendon tenement tenet tenfold tennis tenor tense tensile
tension tensor tent tentative tentatively tenth tenuous tenure tequila term terminal
terminally terminate termination terminator terminology terminus terms terrace terrain
terrestrial terrible terribly terrier terrific terrify terrifying territorial territory
terror terrorism terrorist terry tertiary test testament tested tester testicle testicular
testify testimonial testimony testing testosterone tests tetanus tether texas text textbook
textile textual texture than thane thank thankful thankfully thanks thanksgiving that
thatcher thats thaw theater theatre theatrical thee theft their theirs them thematic theme
themselves then thence theologian theological theology theorem theoretical theoretically
theorist theory therapeutic therapeutics therapist therapy there thereafter thereby therefor
therefore therein thereof theres therese thereto thermal thermo thermodynamic thermodynamics
thermometer thermostat thesaurus these theses thesis theta they theyre thick thickening
thickness thief thigh thin thine thing things thingy think thinker thinking thinks thinly
thinner thinning third thirdly thirst thirsty thirteen thirteenth thirty this thistle thomas
thon thong thoracic thorax thorn thorny thorough thoroughbred thoroughfare thoroughly those
thou though thought thoughtful thoughtfully thoughtless thoughts thousand thousands thrall
thrash thrashing thread threaded threat threaten threatening three threesome threshold threw
thrice thrift thrifty thrill thriller thrilling thrive thriving throat thrombosis throne
throng throttle through throughout throughput throw throwback thrower throwing thrown thrush
thrust thrusting thud thug thumb thumbnail thump thumping thunder thunderbird thunderbolt
thundering thunderstorm thursday thus thwart thyme thyroid thyself tiara tibet tibia tick
ticked ticker ticket ticketing tickets ticking tickle tickled tickling tidal tide tidy tied
tien tier tiered tiff tiffany tiger tight tighten tightly tightness tights tile tiled tiling
till tiller tilly tilt tilting timber time timed timeless timely timer times timetable timid
timing timor timothy tinder ting tinge tinged tingle tingling tinker tinnitus tint tinted
tiny tipped tipping tips tipsy tirade tire tired tiredness tireless tirelessly tiresome
tiring tissue titanic titanium tithe title titled titty titular toad toast toaster tobacco
toby today toddler toed toffee tofu together togetherness toggle toil toilet token told
tolerable tolerance tolerant tolerate toll tomahawk tomato tomb tombstone tome tommy
tomography tomorrow tonal tone toned toner tong tonga tongs tongue tonic tonight tonnage
tony took tool toolbox tooling tools toon toot tooth toothbrush toothed toothless toothpick
topaz topic topical topless topographic topographical topography topological topology topped
topper topping topple tops torah torch tore torment tormented torn tornado toro torpedo
torque torrent torrential torsion torso tort tortilla tortoise torture tortured torturing
tory tosh toss tossing total totalitarian totalitarianism totality totally tote totem toto
touch touchdown touched touching touchstone touchy tough toughness tour touring tourism
tourist tournament tourney tout toward towards towel tower towering towing town township
townspeople toxic toxicity toxicology toxin toying trace traceable tracer tracing track
tracked tracker tract traction tractor trade trademark trader trading tradition traditional
traditionally traffic tragedy tragic tragically trail trailer trailing train trained trainee
trainer training trait traitor trajectory tram tramp trample trampoline tramway trance
tranquil tranquility transaction transactional transatlantic transcend transcendence
transcendent transcendental transcript transcription transducer transfer transferable
transferred transferring transform transformation transformative transformer transforming
transfusion transgression transient transistor transit transition transitional translate
translation translational translator translucent transmission transmit transmitter
transnational transparency transparent transplant transplantation transport transportation
transported transporter transporting transverse trap trapped trapper trapping traps trash
trashy trauma traumatic travel traveled traveler traveling travelled traveller traverse
traversed traversing travesty travis tray treacherous treachery tread treading treadmill
treason treasure treasurer treasury treat treatable treated treating treatise treatment
treaty treble tree trees trek tremble trembling tremendous tremendously tremor trench trend
trespass trey triad triage trial triangle triangular tribal tribe tribunal tribune tributary
tribute trick trickery tricking trickle trickster tricky trident tried trier tries trifle
trigger triggered trillion trilogy trim trimester trimming trinity trio trip triple tripod
tripoli tripping trite triton triumph triumphant trivia trivial troll trolley trolling
trombone tron troop trooper troops trope trophy tropic tropical trot trotter trouble
troublesome troubling trough troupe trouser trousers trout trove troy truce truck trucker
trucking trucks true truer truffle truly trump trumpet truncated trunk truss trust trustee
trusting trustworthy trusty truth truthful truthfully trying tryout tsar tsunami tuba tube
tuberculosis tubing tubular tuck tucker tucking tuesday tuff tugging tuition tulip tumble
tumbled tumbler tumbling tummy tumor tumultuous tuna tundra tune tuned tuner tung tungsten
tunic tuning tunnel tunneling turban turbine turbines turbo turbulence turbulent turd turf
turk turkey turmeric turmoil turn turnaround turned turner turning turnip turnout turnover
turnpike turns turntable turquoise turret turtle tusk tutor tutorial tutu tuxedo twain twas
twat tweak tweed tween tweet twelfth twelve twentieth twenty twice twig twilight twin twine
twink twinkle twinkling twist twisted twister twisting twitch twitter twofold tycoon tying
type types typewriter typhoid typhoon typical typically typo typography tyrannical tyranny
tyrant tyre tyrone tyrosine ubiquitous ugliness ugly ukulele ulcer ulster ulterior ultimate
ultimately ultimatum ultra ultrasonic ultraviolet umbilical umbrella umpire unable
unacceptable unaccompanied unaccounted unaffected unambiguous unanimous unanimously
unannounced unanswered unarmed unassuming unattainable unattended unattractive unauthorized
unavailable unavoidable unaware unbalanced unbearable unbeatable unbeaten unbelievable
unbelievably unbiased unborn unbound unbreakable unbridled unbroken uncalled uncanny
uncensored uncertain uncertainty unchallenged unchanged uncharted unchecked unclaimed uncle
unclean unclear uncomfortable uncomfortably uncommon uncomplicated uncompromising
unconditional unconditionally unconfirmed unconnected unconscious unconsciously
unconstitutional uncontested uncontrollable uncontrollably uncontrolled unconventional
uncover uncovered uncut undamaged undated undead undecided undefeated undefined undemocratic
undeniable undeniably under underage undercover undercut underdog underestimate undergo
undergoing undergrad undergraduate underground underline underlying undermine undermining
underneath underpaid underpants underpinning underprivileged underscore undersea
undersecretary underside understand understandable understandably understanding
understatement understood undertake undertaker undertaking undertook underwater underway
underwear underweight underwent underwood underworld underwriting undesirable undetectable
undetected undetermined undeveloped undies undisclosed undiscovered undisputed undisturbed
undivided undo undocumented undoing undone undoubtedly undress undressed undue undulating
unduly undying unearthed uneasy uneducated unemployed unemployment unending unequal
unequivocal unequivocally unethical uneven uneventful unexpected unexpectedly unexplained
unexplored unfair unfairly unfairness unfaithful unfamiliar unfathomable unfavorable
unfettered unfiltered unfinished unfit unfold unfolded unfolding unforeseen unforgettable
unforgivable unforgiving unfortunate unfortunately unfounded unfriendly unfulfilled ungodly
ungrateful unhappiness unhappy unharmed unhealthy unheard unhelpful unholy unicorn
unidentified unification unified uniform uniformed uniformity uniformly unify unilateral
unilaterally unimaginable unimportant unimpressed unincorporated uninformed uninhabited
uninsured unintelligible unintended unintentional unintentionally uninterested uninteresting
uninterrupted uninvited union unionist unique uniquely uniqueness unison unit unitarian
unitary unite united uniting units unity universal universally universe university unjust
unjustified unjustly unkind unknowingly unknown unlawful unlawfully unleash unleashed unless
unlicensed unlike unlikely unlimited unload unloaded unlock unlocked unlocking unlucky
unmanned unmarked unmarried unmatched unmistakable unnamed unnatural unnecessarily
unnecessary unnoticed unoccupied unofficial unofficially unopened unopposed unorganized
unorthodox unpack unpacked unpaid unparalleled unplanned unpleasant unplug unplugged
unpopular unprecedented unpredictable unprepared unproductive unprofessional unprofitable
unprotected unproven unprovoked unpublished unpunished unqualified unquestionably unravel
unraveling unreal unrealistic unreasonable unreasonably unrecognized unregistered
unregulated unrelated unreleased unrelenting unreliable unremarkable unreported unresolved
unresponsive unrest unrestricted unruly unsafe unsatisfactory unsatisfied unscathed
unscrupulous unsecured unseen unsettled unsettling unsigned unskilled unsold unsolicited
unsolved unspeakable unspecified unspoken unstable unstoppable unsubstantiated unsuccessful
unsuccessfully unsuitable unsung unsupervised unsupported unsure unsuspecting unsustainable
untapped untenable untested unthinkable until untill untimely untitled unto untold
untouchable untouched untrained untreated untrue untrustworthy unusable unused unusual
unusually unveil unveiled unveiling unwanted unwarranted unwavering unwelcome unwell
unwieldy unwilling unwillingness unwind unwise unwittingly unworthy unwritten upbeat
upcoming update updated upgrade upheaval upheld uphill uphold upholstery upkeep upland
uplift uplifting upload upon upper upping upright uprising uproar upscale upset upsetting
upside upstairs upstart upstate upstream uptake uptown upward upwards uranium urban
urbanization urea urethra urge urgency urgent urgently urging urinary urinate urine urology
usability usable usage used useful usefulness useless user users uses usher using usual
usually uterine uterus utilitarian utility utilization utilize utmost utopia utopian utter
utterly vacancy vacant vacate vacation vaccination vaccine vacuum vagina vaginal vague
vaguely vail vain vale valence valentine valet valiant valid validate validation validity
valley valor valuable valuation value valued values valve vamp vampire vandalism vane
vanguard vanilla vanish vanishing vanity vantage vapor variability variable variance variant
variation varied variety various variously varnish varsity vary vascular vase vassal vast
vastly vaudeville vault vaulted veal vector veer vegetable vegetarian vegetation vegetative
vehemently vehicle vehicles vehicular veil veiled vein velocity velvet vendetta vending
vendor veneer venerable veneration vengeance vengeful venison venom venomous venous vent
ventilation ventilator ventral ventricular venture venue vera veracity veranda verb verbal
verbally verbatim verdict verge verifiable verification verify verily veritable verity
vermin vernacular versatile versatility verse versed version versus vert vertebrae vertebral
vertebrate vertex vertical vertically vertices vertigo verve very vessel vest veteran
veterinarian veterinary veto vexed viability viable vial vibrant vibrate vibrating vibration
vibrator vicar vice viceroy vicinity vicious viciously victim victimization victims victor
victorious victory video videos view viewer viewpoint views vigil vigilance vigilant
vigilante vigor vigorous vigorously viking vile villa village villager villain villainous
ville vincent vindication vindictive vine vinegar vineyard vinny vintage vinyl viola violate
violation violence violent violently violet violin violinist viper viral virgin virginia
virginity virtual virtually virtue virtuoso virtuous virulent virus visa visceral viscosity
viscount viscous visibility visible visibly vision visionary visit visitation visiting
visitor visor vista visual visualization visualize visually vita vital vitality vitally
vitamin vitriol viva vive vivid vividly vixen vocabulary vocal vocalist vocally vocation
vocational vodka vogue voice voiced voicing void volatile volatility volcanic volcano
volition volley volleyball volt voltage volume voluminous voluntarily voluntary volunteer
vomit vomiting voodoo vortex vote voted voter votes voting vouch voucher vowed vowel voyage
voyager vulgar vulnerability vulnerable vulture vying wack wacky wade wadi wading wafer
waffle wage waged wager wages wagon wail wainwright waist wait waiter waiting waitress waive
waiver wake wakes waking wales walk walked walker walking walkway wall walled waller wallet
wallow wallpaper walls wally walnut walrus walsh walt walter waltz wand wander wanderer
wandering wane waned wang waning wanna want wanted wanting wanton wants warcraft ward warden
wardrobe ware warehouse warfare warlock warm warmed warmer warming warmly warmth warn warner
warning warp warped warping warrant warranted warranty warren warrior wars warsaw warship
wartime wary wash washed washer washing washington washroom wasnt wasp waste wasted wasteful
wasteland wasting watch watchdog watched watcher watchful watching watchman watchtower water
watered waterfall waterfowl waterfront watering waterman watermark watermelon waterproof
watershed waterway watery watt waugh wave waved waving wavy waxing ways wayside wayward weak
weaken weakening weakly weakness wealth wealthy weapon weaponry weapons wear wearable wearer
wearing weary weasel weather weathered weathering weave weaver weaving webber weber website
webster wedded wedding wedge wedged wedlock wednesday weed week weekday weekend weekly weeks
weep weeping weigh weighed weighing weight weighted weighting weighty weir weird weirdly
weirdness welcome welcoming weld welder welding welfare well wellington wellness welsh welt
welterweight went wept were werent werewolf west westbound westerly western westward wetter
wetting weve whack whale whaling wharf what whatever whatnot whats whatsoever wheat wheel
wheeled wheeler wheeling when whence whenever where whereabouts whereas whereby wherein
whereupon wherever whether whew whey which whichever whiff whig while whilst whim whimsical
whine whiny whip whiplash whipped whipping whirl whirlpool whirlwind whisk whiskey whisky
whisper whispered whisperer whispering whistle whistler whistling whit white whitehead
whiteness whitening whites whiteside whitewash whiting whitish whittle whiz whoa whoever
whole wholeheartedly wholesale wholesaler wholesome wholly whom whomever whoop whooping
whoops whopping whore whose wick wicked wickedness wicker wicket wide widely widen
widespread widow widowed widower width wield wiener wife wigan wiggle wight wild wildcat
wilder wilderness wildfire wildlife wildly will willed willful willfully william williams
willie willing willingly willingness willow willy wilson wilt wily winch wind winded
windfall winding windmill window windows windscreen windshield windy wine winery wing winged
winger wingman wink winking winner winning winnings wins winter wipe wiper wire wired
wireless wiring wisdom wise wisely wiseman wiser wish wished wishful wishing witch
witchcraft with withdraw withdrawal withdrawing withdrawn wither withered withering withers
withheld withhold within without withstand withstood witness witted witty wizard wobble
wobbly woefully woke wolf wolverine woman womanhood womb women wonder wonderful wonderfully
wondering wonderland wondrous wong wonky wont wood wooded wooden woodhouse woodland
woodpecker woodrow woodruff woodside woodward woodwork woodworking woody woof wool woolly
worcester word worded wording words wore work workable workbook workday worked worker
workers workhouse working workload workman workmanship workout workplace works workshop
world worldly worldwide worm wormhole worn worried worrisome worry worrying worse worsen
worsening worship worst wort worth worthless worthy would wouldnt wound wounded wounding
wounds woven wraith wrangler wrap wrapped wrapper wrapping wrath wreak wreath wreck wreckage
wrecking wren wrench wrestle wrestler wrestling wretch wretched wright wrinkle wrinkled
wrist wristband writ write writer writers writing written wrong wrongdoing wronged wrongful
wrongfully wrongly wrote wrought wynn xenon xenophobia yacht yahoo yale yang yank yard yards
yarn yawn yawning yaya yeah year yearbook yearly yearn yearning years yeast yell yelling
yellow yellowish yellows yelp yesterday yield yielding yoga yoghurt yogi yoke yolk yonder
york yorker youd young younger youngster your yours yourself yourselves youth youthful
youtube youve yuan yuck yummy zeal zealous zebra zenith zephyr zeppelin zero zest zeta
zigzag zimbabwe zinc zipper zodiac zombie zone zoned zoning zoological zoology zoom zucchini
""".split()
)
