import { BankEntry } from './bank';

/**
 * HELD BACK: written before the reader, never tuned on. The test reports its score; a failure here is a
 * finding about the reader, to be fixed in the reader's general logic (never by editing these entries).
 * Each entry is a rationale (or its concluding part) as reviewers phrase it, with the item it is about.
 */
export const HELD_BACK: BankEntry[] = [
  // plain concluding sentences
  { v: 'not-necessary', item: 'MRI of the right knee', text: 'There is no mechanical locking or instability on examination. Accordingly, the requested knee MRI is not medically necessary.' },
  { v: 'necessary', item: 'Physical therapy 6 sessions', text: 'The worker had a new flare with measurable loss of motion. A short course of six sessions is within guideline limits. Hence, the request is medically necessary.' },
  { v: 'not-necessary', item: 'Gabapentin 600mg #90', text: 'There is no documented neuropathic pain and no report of benefit from prior use. In conclusion, gabapentin is not medically necessary for this injured worker.' },
  { v: 'necessary', item: 'Lumbar epidural steroid injection L4-5', text: 'Radiculopathy is corroborated by imaging and electrodiagnostic testing, and conservative treatment has failed. For these reasons, the lumbar epidural steroid injection is medically necessary and appropriate.' },
  { v: 'not-necessary', item: 'Cyclobenzaprine 7.5mg #60', text: 'Long-term use of muscle relaxants is not supported. In summary, the request for cyclobenzaprine is not medically necessary at this time.' },
  { v: 'necessary', item: 'Urine drug screen', text: 'The patient remains on opioid therapy and the last test was more than a year ago. Overall, the urine drug screen is medically necessary.' },
  { v: 'not-necessary', item: 'Acupuncture 12 sessions', text: 'The request exceeds the initial trial of 3 to 6 treatments. Therefore, 12 sessions of acupuncture are not medically necessary.' },
  { v: 'necessary', item: 'Orthopedic consultation', text: 'The worker has persistent instability despite therapy and a surgical opinion is reasonable. Therefore, the orthopedic consultation is medically necessary.' },
  // other verdict families
  { v: 'necessary', item: 'Functional capacity evaluation', text: 'The worker is close to maximum medical improvement and return-to-work planning requires objective limits. As such, the functional capacity evaluation is medically reasonable and appropriate.' },
  { v: 'necessary', item: 'EMG of the bilateral upper extremities', text: 'Numbness persists after six weeks of conservative care and the exam shows a positive Tinel sign. Therefore, EMG of the bilateral upper extremities is indicated.' },
  { v: 'necessary', item: 'Home health aide 4 hours a day', text: 'The worker is homebound after the fusion and needs help with wound care. Thus, home health services are warranted.' },
  { v: 'necessary', item: 'Right shoulder arthroscopy', text: 'Imaging confirms a full-thickness tear and three months of therapy have failed. Based on the above, the shoulder arthroscopy is approved.' },
  { v: 'necessary', item: 'Tramadol 50mg #60', text: 'The provider documents a 40% reduction in pain, improved walking tolerance, a signed agreement and consistent drug screens. Therefore, the tramadol should be authorized.' },
  { v: 'not-necessary', item: 'Lidocaine patch 5% #30', text: 'There is no documentation of a failed trial of first-line agents for neuropathic pain. As such, the lidocaine patch is not recommended.' },
  { v: 'not-necessary', item: 'Chiropractic 12 visits', text: 'Prior visits produced no objective functional improvement. Consequently, the request is non-certified.' },
  { v: 'not-necessary', item: 'Hot/cold therapy unit', text: 'Simple home application of heat and cold is as effective as a powered device. The request is therefore denied.' },
  { v: 'not-necessary', item: 'Repeat cervical MRI', text: 'The prior study is recent and there is no change in the neurological examination. A repeat MRI is unnecessary.' },
  { v: 'not-necessary', item: 'Work hardening program', text: 'The worker has no defined return-to-work goal and has not completed a screening evaluation. The request does not meet medical necessity.' },
  { v: 'not-necessary', item: 'Omeprazole 20mg #30', text: 'No gastrointestinal risk factors are documented. Medical necessity for the proton pump inhibitor has not been demonstrated.' },
  { v: 'necessary', item: 'Knee brace', text: 'The worker has documented ligamentous instability and is returning to work on uneven ground. The brace meets medical necessity criteria.' },
  { v: 'not-necessary', item: 'Topical compound cream', text: 'The compound contains agents that are not recommended, so the whole product is not recommended. The request fails to establish medical necessity.' },
  { v: 'necessary', item: 'Post-operative physical therapy 12 visits', text: 'The guideline allows 24 visits after this repair and none have been used. Twelve visits fall well within that allowance; the request is supported and medically necessary.' },
  // Yes/No openers
  { v: 'not-necessary', item: 'MRI of the lumbar spine', text: 'No, the request for an MRI of the lumbar spine was not medically necessary, medically appropriate, or indicated here. The neurological examination was normal and there were no red flags.' },
  { v: 'necessary', item: 'Trigger point injections', text: 'Yes, the proposed trigger point injections were medically necessary, medically appropriate, and indicated here. Discrete trigger points with a twitch response are documented and stretching has failed.' },
  { v: 'not-necessary', item: 'Norco 10/325mg #120', text: 'No, the request for Norco was not medically necessary, medically appropriate, or indicated here. There was no evidence of improved function attributable to ongoing opioid use.' },
  { v: 'necessary', item: 'Electrodiagnostic testing', text: 'Yes, the request for electrodiagnostic testing was medically necessary, medically appropriate, and indicated here. Therefore, the request is medically necessary.' },
  { v: 'not-necessary', item: 'Psychological evaluation', text: 'No, the psychological evaluation is not medically necessary. The records do not describe any psychological symptoms.' },
  // hyphen and PDF artefacts
  { v: 'not-necessary', item: 'TENS unit purchase', text: 'A one-month home trial has not been documented. Therefore, the TENS unit purchase is not-medically necessary.' },
  { v: 'not-necessary', item: 'Massage therapy', text: 'Massage is an adjunct and the request lacks an active program. As such, the request is not medically nec- essary.' },
  { v: 'necessary', item: 'Follow-up visit', text: 'Ongoing medication management requires a visit. Therefore, the request is medically  necessary.' },
  { v: 'not-necessary', item: 'Shockwave therapy', text: 'Evidence does not support shockwave therapy for this condition. As such, the request is non-medically necessary.' },
  { v: 'not-necessary', item: 'Hip MRI', text: 'There are no red flags and radiographs are normal. The request is not medically\nnecessary.' },
  // double negatives
  { v: 'necessary', item: 'Cervical MRI', text: 'The worker has progressive weakness of the triceps and a positive Spurling test. It cannot be said that the cervical MRI is not medically necessary.' },
  { v: 'necessary', item: 'Physical therapy 8 sessions', text: 'The worker improved with the first course and has a new deficit. I cannot agree that the additional physical therapy is not medically necessary.' },
  { v: 'necessary', item: 'Lumbar x-rays', text: 'The worker is over 70 and reports a fall. It is not the case that the x-rays are unnecessary; they are medically necessary.' },
  { v: 'not-necessary', item: 'Spinal cord stimulator trial', text: 'No psychological clearance has been obtained. I do not agree that the stimulator trial is medically necessary.' },
  { v: 'necessary', item: 'Bone scan', text: 'The picture is suspicious for a stress fracture not seen on radiographs. I cannot find that the bone scan is not medically necessary.' },
  // disagreement with the UR
  { v: 'necessary', item: 'MRI of the left shoulder', text: 'The UR found the shoulder MRI not medically necessary because no conservative care was documented. I do not agree; six weeks of therapy and an injection failed, and imaging is appropriate.' },
  { v: 'necessary', item: 'Knee arthroscopy', text: 'The utilization reviewer determined that the arthroscopy was not medically necessary. I disagree with that determination. The MRI shows a displaced meniscal tear with locking, and surgery is indicated.' },
  { v: 'not-necessary', item: 'Home exercise kit', text: 'The UR reviewer non-certified the kit, noting that home exercise needs no special equipment. I agree with the UR determination; the kit is not medically necessary.' },
  { v: 'not-necessary', item: 'Ketorolac injection', text: 'The treating physician believes the injection is medically necessary for flare-ups. However, the guideline does not recommend ketorolac for chronic pain, and the request is not medically necessary.' },
  { v: 'necessary', item: 'Pain management consultation', text: 'The prior reviewer felt the consultation was not warranted. That conclusion is not supported by the record: the worker has escalating opioid needs, and the consultation is medically necessary.' },
  { v: 'not-necessary', item: 'Aquatic therapy', text: 'The requesting physician states that aquatic therapy is medically necessary because of obesity. The records show a normal body weight and full weight bearing. The request is not medically necessary.' },
  // contrast clauses about another treatment
  { v: 'not-necessary', item: 'Lumbar MRI', text: 'The lumbar MRI is not medically necessary at this time, although continued physical therapy is medically necessary.' },
  { v: 'not-necessary', item: 'Surgical consultation', text: 'While a home exercise program is appropriate, the surgical consultation is not medically necessary without documented instability.' },
  { v: 'necessary', item: 'Naproxen 550mg #60', text: 'Opioids are not indicated for this worker, but the naproxen is medically necessary for the inflammatory flare.' },
  { v: 'not-necessary', item: 'Additional chiropractic 6 visits', text: 'The first six visits were medically necessary and helped; however, further chiropractic care without objective gains is not medically necessary.' },
  { v: 'necessary', item: 'Wrist splint', text: 'Unlike the requested injection, which is not indicated yet, the wrist splint is medically necessary as first-line care for carpal tunnel syndrome.' },
  // not only
  { v: 'necessary', item: 'Emergency lumbar MRI', text: 'Saddle anesthesia and new urinary retention are documented. The MRI is not only medically necessary but urgent.' },
  { v: 'necessary', item: 'Vascular surgery referral', text: 'A pulseless foot was documented. The referral is not just appropriate, it is medically necessary.' },
  // general guideline sentences after the verdict
  { v: 'not-necessary', item: 'MRI of the thoracic spine', text: 'There are no neurologic deficits and no red flags. Therefore, the thoracic MRI is not medically necessary. MRI is medically indicated when red flags are present.' },
  { v: 'not-necessary', item: 'Physical therapy 12 visits', text: 'The request exceeds the recommended 10 visits. As such, the request is not medically necessary. Physical therapy is recommended for up to 10 visits for myalgia.' },
  { v: 'necessary', item: 'Opioid urine toxicology', text: 'The worker is on long-term opioids. The urine drug test is medically necessary. Testing is not recommended more often than the risk level requires.' },
  { v: 'not-necessary', item: 'Electrical muscle stimulator', text: 'The device is not recommended by the guideline. Therefore, the request is not medically necessary. A TENS trial may be indicated for neuropathic pain if other modalities fail.' },
  // conditional / hypothetical / future sentences
  { v: 'not-necessary', item: 'Additional acupuncture', text: 'No functional improvement was reported after the first six treatments. Therefore, the request is not medically necessary. Further acupuncture would be medically necessary only if functional improvement were documented.' },
  { v: 'necessary', item: 'Cortisone injection right shoulder', text: 'The injection is medically necessary. Had the worker already received three injections this year, it would not be indicated.' },
  { v: 'not-necessary', item: 'Interferential unit', text: 'The request is not medically necessary. If a one-month trial shows benefit, a purchase may be reasonable in the future.' },
  { v: 'unclear', item: 'Repeat EMG', text: 'A repeat EMG would be medically necessary if new neurological findings develop. The current records do not include a neurological examination.' },
  { v: 'unclear', item: 'Functional restoration program', text: 'The program may be appropriate once a multidisciplinary evaluation has been completed.' },
  // guideline-only or no conclusion
  { v: 'unclear', item: 'Tramadol ER', text: 'The MTUS recommends opioids for chronic pain only with documented functional improvement. Tramadol is indicated for moderate to severe pain.' },
  { v: 'unclear', item: 'Hydrocodone/APAP', text: 'This medical necessity decision should not be interpreted as a recommendation to stop long-term opioids abruptly and the injured worker is advised to speak with their treating physician.' },
  { v: 'unclear', item: 'Home health care', text: 'Home health services are recommended only for patients who are homebound, on a part-time or intermittent basis, generally up to no more than 35 hours per week.' },
  { v: 'unclear', item: 'Knee injection', text: 'The records reviewed include the progress notes of 10/12/2016 and 11/09/2016 and the UR letter of 11/20/2016.' },
  { v: 'unclear', item: 'Cervical traction unit', text: 'According to ACOEM, traction is not recommended for neck pain. However, the home traction unit is medically necessary.  On the other hand, the request is not medically necessary.' },
  // more plain conclusions in the styles seen in real letters
  { v: 'not-necessary', item: 'Motorized scooter', text: 'The worker walks without an assistive device. Given the above, the request for a motorized scooter is not medically necessary.' },
  { v: 'not-necessary', item: 'Ambien 10mg #30', text: 'Zolpidem is recommended only for short-term use and has been used for more than a year. Based on the clinical information in the medical record and peer-reviewed evidence-based guidelines, Ambien 10mg #30 is not medically necessary.' },
  { v: 'not-necessary', item: 'Lumbar brace', text: 'Lumbar supports have no lasting benefit beyond the acute phase. Consequently, the lumbar brace is not clinically indicated.' },
  { v: 'necessary', item: 'Right carpal tunnel release', text: 'Nerve studies confirm moderate median neuropathy and night splinting failed. The requested release is considered medically necessary.' },
  { v: 'not-necessary', item: 'Diagnostic ultrasound of the shoulder', text: 'The treating provider did not explain how the study would change management. The request for ultrasound of the shoulder is determined to be not medically necessary.' },
  { v: 'not-necessary', item: 'Weight loss program', text: 'There is no documentation that dietary counseling has been tried. The program is deemed not medically necessary.' },
  { v: 'necessary', item: 'Cognitive behavioral therapy 4 sessions', text: 'The worker has fear-avoidance beliefs that delay recovery, and an initial trial of 3 to 4 visits is recommended. The request for four sessions of cognitive behavioral therapy is deemed medically necessary.' },
  { v: 'not-necessary', item: 'Soma 350mg', text: 'Carisoprodol is not indicated for long-term use. Because of these reasons, the request for Soma is not medically necessary.' },
  { v: 'necessary', item: 'Left knee x-ray', text: 'There was a fall onto the knee with point tenderness over the patella. The knee radiograph is medically warranted.' },
  { v: 'not-necessary', item: 'Quantitative functional testing', text: 'The test is experimental. The request is not medically warranted.' },
  { v: 'necessary', item: 'Podiatry referral', text: 'The diabetic worker has an ulcer that has not healed over four weeks. Referral to podiatry is medically needed.' },
  { v: 'not-necessary', item: 'Genetic testing for opioid metabolism', text: 'Genetic testing for opioid abuse risk is not recommended. This request is unwarranted.' },
  { v: 'not-necessary', item: 'Vitamin D supplement', text: 'No deficiency has been measured. The medication is not supported as medically necessary.' },
  { v: 'necessary', item: 'Psychiatric follow-up', text: 'The worker has major depression under active treatment with medication changes. Continued psychiatric follow-up is supported and medically necessary.' },
  { v: 'not-necessary', item: 'Bilateral facet injections', text: 'Radicular findings are present, which excludes facet blocks. Medical necessity is not established for the facet injections.' },
  { v: 'necessary', item: 'Lumbar fusion', text: 'Instability of 5 mm is shown on flexion-extension films and the psychological screen is complete. Medical necessity has been established for the fusion.' },
  { v: 'not-necessary', item: 'Ultram ER 150mg', text: 'Pain scores and function are unchanged. The request for Ultram ER 150mg #30 is not medically necessary and appropriate.' },
  { v: 'not-necessary', item: 'Pool membership', text: 'Gym and pool memberships are not medical treatment. The request for a pool membership cannot be recommended as medically necessary.' },
  { v: 'necessary', item: 'MRI of the brain', text: 'New seizures after a head injury are documented. The brain MRI is certified as medically necessary.' },
  { v: 'not-necessary', item: 'Sleep study', text: 'Snoring alone is not documented and there is no sleepiness scale. I find the sleep study not medically necessary.' },
  { v: 'necessary', item: 'Crutches', text: 'The worker is non-weight-bearing after the ankle fracture. In my opinion, the crutches are medically necessary.' },
  { v: 'unclear', item: 'Biofeedback 6 sessions', text: 'Biofeedback is not recommended as a stand-alone treatment, but is recommended as an option in a cognitive behavioral therapy program.' },
];
